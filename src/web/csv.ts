import { stringify } from "csv-stringify/sync";

/**
 * The one CSV writer for every export (ADR 0075): csv-stringify with RFC 4180 quoting, CRLF line ends and
 * `escape_formulas`, so a cell that starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe and a
 * spreadsheet shows it as text instead of running it as a formula. Numbers are written as numbers (a negative
 * number is not escaped). `bom` puts a UTF-8 byte order mark first, for spreadsheets that guess the encoding.
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
  options: { bom?: boolean } = {},
): string {
  const text = stringify([header as string[], ...(rows as (string | number | null)[][])], {
    record_delimiter: "windows",
    escape_formulas: true,
    // A line break inside a cell is quoted whatever the record delimiter (csv-stringify only looks for CRLF).
    quoted_match: /[\r\n]/,
    cast: { number: (value) => String(value) },
  });
  return (options.bom ?? true) ? `\uFEFF${text}` : text;
}

const ESCAPED_FORMULA = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Reads back a cell that toCsv escaped (a CSV import of an export), so export → import is unchanged. */
export function unescapeCsvFormula(value: string): string {
  return ESCAPED_FORMULA.test(value) ? value.slice(1) : value;
}

/** The response headers of a CSV download. */
export function csvHeaders(fileName: string): Record<string, string> {
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${fileName}"`,
  };
}
