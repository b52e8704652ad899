import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";

/** The project's data folder (reference data, curated catalogue, knowledge); never ../shared at run time. */
export const dataFolder = fileURLToPath(new URL("../../data/", import.meta.url));

/** Reads a UTF-8 CSV with a header row from data/ into objects keyed by the header. */
export function readDataCsv(relativePath: string): Record<string, string>[] {
  return parse(readFileSync(dataFolder + relativePath, "utf8"), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
}

/** Reads a JSON file from data/. */
export function readDataJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(dataFolder + relativePath, "utf8")) as T;
}

/** Splits a semicolon-separated cell into trimmed, non-empty parts. */
export function splitList(cell: string | undefined): string[] {
  return (cell ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * A SHA-256 over files and folders under data/ (folders recursively, in name order), each file's path and bytes:
 * any change to a file's content, a new file or a removed one gives another hash. `root` is for tests.
 */
export function hashDataFiles(relativePaths: readonly string[], root = dataFolder): string {
  const hash = createHash("sha256");
  const add = (relativePath: string) => {
    const path = root + relativePath;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(`${relativePath}/${name}`);
      return;
    }
    hash.update(`${relativePath}\u0000`);
    hash.update(readFileSync(path));
    hash.update("\u0000");
  };
  for (const relativePath of relativePaths) add(relativePath);
  return hash.digest("hex");
}
