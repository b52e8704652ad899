/**
 * Module boundaries (ADRs 0087, 0098). Three rules over every source file of src/:
 *
 * 1. "door": code outside src/modules/<m>/ imports from that module only through src/modules/<m>/index.ts.
 * 2. "tables": a module's tables are its own. Code outside module <m> imports none of <m>'s tables, neither from
 *    <m>'s *.tables.ts nor through its index.
 * 3. "sql": the same for raw SQL. A sql`…` template (or sql.raw("…")) in code outside module <m> names none of
 *    <m>'s tables after from, join, into, update or table. The table names are read from each module's *.tables.ts
 *    (the first argument of every pgTable call). Known remaining cases are listed in SQL_ALLOWED, one reason each.
 *
 * Allowed on purpose: another *.tables.ts may import a *.tables.ts directly (a foreign key needs the table it points
 * at, and going through an index would load the whole module into drizzle-kit); the database layer in src/db/
 * gathers every schema for Drizzle; tests (*.test.ts) may read another module's tables to check what was stored.
 *
 * Biome's noRestrictedImports matches import paths, not "a path into a module other than the importer's own", and
 * neither rule can be written as one pattern per module without repeating the module list, so this is a small
 * script over the TypeScript parser. `npm run check` runs it; tests/architecture/module-boundaries.test.ts feeds it a
 * deliberate violation.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export interface SourceFile {
  /** Path relative to the project root, with forward slashes, e.g. "src/modules/route/route.service.ts". */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  line: number;
  rule: "door" | "tables" | "sql";
  message: string;
}

interface ImportRecord {
  specifier: string;
  line: number;
  /** Imported names (the exported name, not a local alias); "*" for a namespace or a side-effect import. */
  names: string[];
}

const MODULE_PATH = /^src\/modules\/([^/]+)\/(.+)$/;

const moduleOf = (path: string): { name: string; rest: string } | undefined => {
  const match = MODULE_PATH.exec(path);
  return match ? { name: match[1]!, rest: match[2]! } : undefined;
};

const isTablesFile = (path: string) => /\.tables\.tsx?$/.test(path);
const isTestFile = (path: string) => /\.test\.tsx?$/.test(path);

/** The file an import points at, as a project-relative path without extension; undefined for packages. */
const resolve = (from: string, specifier: string): string | undefined => {
  if (!specifier.startsWith(".")) return undefined;
  const joined = posix.normalize(posix.join(posix.dirname(from), specifier));
  return joined.replace(/\.(js|jsx|ts|tsx)$/, "");
};

const importsOf = (file: SourceFile): ImportRecord[] => {
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const records: ImportRecord[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const names: string[] = [];
      if (!clause) names.push("*");
      else {
        if (clause.name) names.push("default");
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) names.push("*");
        if (bindings && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements) names.push((element.propertyName ?? element.name).text);
        }
      }
      records.push({ specifier: node.moduleSpecifier.text, line: lineOf(node), names });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const clause = node.exportClause;
      const names =
        clause && ts.isNamedExports(clause)
          ? clause.elements.map((element) => (element.propertyName ?? element.name).text)
          : ["*"];
      records.push({ specifier: node.moduleSpecifier.text, line: lineOf(node), names });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      records.push({ specifier: node.arguments[0].text, line: lineOf(node), names: ["*"] });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return records;
};

/** Per module: the names its index.ts passes on from one of its *.tables.ts files. */
const tablesThroughIndex = (files: SourceFile[]): Map<string, Set<string>> => {
  const result = new Map<string, Set<string>>();
  for (const file of files) {
    const owner = moduleOf(file.path);
    if (!owner || !/^index\.tsx?$/.test(owner.rest)) continue;
    for (const record of importsOf(file)) {
      const target = resolve(file.path, record.specifier);
      if (!target || !/\.tables$/.test(target)) continue;
      const names = result.get(owner.name) ?? new Set<string>();
      for (const name of record.names) names.add(name);
      result.set(owner.name, names);
    }
  }
  return result;
};

/** Per module: the SQL names of the tables its *.tables.ts files declare (pgTable("name", …)). */
export const tableOwners = (files: SourceFile[]): Map<string, string> => {
  const owners = new Map<string, string>();
  for (const file of files) {
    const owner = moduleOf(file.path);
    if (!owner || !isTablesFile(file.path)) continue;
    const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === "pgTable" &&
        node.arguments[0] &&
        ts.isStringLiteralLike(node.arguments[0])
      )
        owners.set(node.arguments[0].text, owner.name);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return owners;
};

/**
 * A raw SQL case another module still has, with its reason. `file` and `table` must both match; the check fails on
 * an entry that no longer matches anything, so the list only shrinks.
 */
export type SqlAllowance = { file: string; table: string; reason: string };

/** The raw SQL over another module's tables that stays for now (ADR 0098), one reason per case. */
export const SQL_ALLOWED: SqlAllowance[] = [
  // The privacy module is the one place that knows every personal-data location (privacy.registry.ts): its
  // registry entries say, per table, which rows belong to a data subject, and the export and erasure run those
  // conditions generically. A subquery to the parent table is part of such a condition.
  {
    file: "src/modules/privacy/privacy.registry.ts",
    table: "referrals",
    reason: "referral_events rows of a subject's cases are found through their referral",
  },
  {
    file: "src/modules/privacy/privacy.registry.ts",
    table: "alert_subscriptions",
    reason: "alert items of an address are found through its subscriptions; the subscribers' retention rule",
  },
  {
    file: "src/modules/privacy/privacy.registry.ts",
    table: "alert_subscribers",
    reason: "alert subscriptions and items of an address are found through its subscriber row",
  },
  // The privacy service finds a data subject's rows before the registry's conditions run.
  {
    file: "src/modules/privacy/privacy.service.ts",
    table: "cases",
    reason: "the dossiers of an address, the row lock before an erasure, and the dossiers due for retention",
  },
  {
    file: "src/modules/privacy/privacy.service.ts",
    table: "users",
    reason: "the accounts of an address, for the subject access export and erasure",
  },
];

/** The raw SQL texts of a file: sql`…` templates (their literal parts) and sql.raw("…") strings, with their lines. */
const sqlTextsOf = (file: SourceFile): { text: string; line: number }[] => {
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const texts: { text: string; line: number }[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const isSqlTag = (node: ts.Expression) => ts.isIdentifier(node) && node.text === "sql";
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node) && isSqlTag(node.tag)) {
      const template = node.template;
      // The parts between ${…} are joined with a space: an interpolation never names a table in text.
      const text = ts.isNoSubstitutionTemplateLiteral(template)
        ? template.text
        : [template.head.text, ...template.templateSpans.map((span) => span.literal.text)].join(" ");
      texts.push({ text, line: lineOf(node) });
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      isSqlTag(node.expression.expression) &&
      node.expression.name.text === "raw" &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      texts.push({ text: node.arguments[0].text, line: lineOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return texts;
};

/** Table names a SQL text reads or writes: the word after from, join, into, update or table (quotes allowed). */
const TABLE_REFERENCE = /\b(?:from|join|into|update|table)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)"?/gi;

const sqlViolations = (files: SourceFile[], allowed: SqlAllowance[]): Violation[] => {
  const owners = tableOwners(files);
  const violations: Violation[] = [];
  const used = new Set<SqlAllowance>();
  for (const file of files) {
    if (isTablesFile(file.path) || file.path.startsWith("src/db/") || isTestFile(file.path)) continue;
    const importer = moduleOf(file.path);
    for (const { text, line } of sqlTextsOf(file)) {
      const named = new Set<string>();
      for (const match of text.matchAll(TABLE_REFERENCE)) {
        const table = match[1]!.toLowerCase();
        const owner = owners.get(table);
        if (!owner || owner === importer?.name || named.has(table)) continue;
        named.add(table);
        const allowance = allowed.find((entry) => entry.file === file.path && entry.table === table);
        if (allowance) {
          used.add(allowance);
          continue;
        }
        violations.push({
          file: file.path,
          line,
          rule: "sql",
          message: `SQL names ${table} — a table of module ${owner}; call a function of that module instead`,
        });
      }
    }
  }
  for (const entry of allowed)
    if (!used.has(entry) && files.some((file) => file.path === entry.file))
      violations.push({
        file: entry.file,
        line: 1,
        rule: "sql",
        message: `allows SQL on ${entry.table} that the file no longer has; remove the entry from SQL_ALLOWED`,
      });
  return violations;
};

export const findViolations = (files: SourceFile[], allowed: SqlAllowance[] = SQL_ALLOWED): Violation[] => {
  const violations: Violation[] = [];
  const exportedTables = tablesThroughIndex(files);
  for (const file of files) {
    const importer = moduleOf(file.path);
    for (const record of importsOf(file)) {
      const target = resolve(file.path, record.specifier);
      const owner = target ? moduleOf(target) : undefined;
      if (!target || !owner || owner.name === importer?.name) continue;
      const throughDoor = owner.rest === "index";
      const schemaImport =
        isTablesFile(`${target}.ts`) && (isTablesFile(file.path) || file.path.startsWith("src/db/"));
      if (!throughDoor && !schemaImport) {
        violations.push({
          file: file.path,
          line: record.line,
          rule: "door",
          message: `imports "${record.specifier}", an inside file of module ${owner.name}; import from src/modules/${owner.name}/index.ts`,
        });
      }
      if (isTablesFile(file.path) || file.path.startsWith("src/db/") || isTestFile(file.path)) continue;
      const tables = exportedTables.get(owner.name);
      const tableNames = isTablesFile(`${target}.ts`)
        ? record.names
        : throughDoor
          ? record.names.filter((name) => tables?.has(name) || (name === "*" && tables && tables.size > 0))
          : [];
      if (tableNames.length > 0) {
        violations.push({
          file: file.path,
          line: record.line,
          rule: "tables",
          message: `uses ${tableNames.join(", ")} — table(s) of module ${owner.name}; call a function of that module instead`,
        });
      }
    }
  }
  return [...violations, ...sqlViolations(files, allowed)];
};

const sourceFiles = (root: string, dir: string): SourceFile[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(root, path);
    if (!/\.tsx?$/.test(entry.name)) return [];
    return [{ path, text: readFileSync(join(root, path), "utf8") }];
  });

export const projectSources = (root: string): SourceFile[] => sourceFiles(root, "src");

export const formatViolations = (violations: Violation[]): string =>
  violations.map((v) => `${v.file}:${v.line}  [${v.rule}] ${v.message}`).join("\n");

const isMain = process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === "";
if (isMain) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..")
    .split(sep)
    .join(sep);
  const files = projectSources(root);
  const violations = findViolations(files);
  if (violations.length > 0) {
    console.error(formatViolations(violations));
    console.error(
      `\n${violations.length} module-boundary violation(s) in ${files.length} files (ADRs 0087, 0098).`,
    );
    process.exit(1);
  }
  console.log(`Module boundaries hold: ${files.length} files of src/ checked (ADRs 0087, 0098).`);
}
