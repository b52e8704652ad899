import { describe, expect, it } from "vitest";
import {
  findViolations,
  formatViolations,
  type SourceFile,
  tableOwners,
} from "../../scripts/check-module-boundaries.js";

/**
 * ADR 0098: the "sql" rule of scripts/check-module-boundaries.ts. Raw SQL (sql`…` templates and sql.raw) outside a
 * module names none of that module's tables. The project itself is checked by module-boundaries.test.ts ("holds
 * for every file of src/"); here deliberate violations, written as strings, prove the rule fails where it should.
 */
const file = (path: string, text: string): SourceFile => ({ path, text });
/** An interpolation as it stands in a source file's template literal, e.g. `${id}`. */
const slot = (name: string) => ["$", "{", name, "}"].join("");

/** Two modules' tables files, one with the table name on the next line as Biome formats long calls. */
const authTables = file(
  "src/modules/auth/auth.tables.ts",
  'export const organisations = pgTable("organisations", {});\nexport const users = pgTable(\n  "users",\n  {},\n);\n',
);
const referralsTables = file(
  "src/modules/referrals/referrals.tables.ts",
  'import { organisations } from "../auth/auth.tables.js";\nexport const cases = pgTable("cases", {});\n',
);

describe("module boundaries: raw SQL", () => {
  it("knows each table's owner from the pgTable calls of the tables files", () => {
    const owners = tableOwners([authTables, referralsTables]);
    expect([...owners.entries()].sort()).toEqual([
      ["cases", "referrals"],
      ["organisations", "auth"],
      ["users", "auth"],
    ]);
  });

  it("fails on a sql template that joins another module's table, and names the table, its owner and the line", () => {
    const violations = findViolations(
      [
        authTables,
        referralsTables,
        file(
          "src/modules/referrals/referrals.x.ts",
          `import { sql } from "drizzle-orm";\n\nconst q = (id: number) =>\n  sql\`select c.id, o.name from cases c join organisations o on o.id = c.hub_id where c.id = ${slot("id")}\`;\n`,
        ),
      ],
      [],
    );
    expect(formatViolations(violations)).toBe(
      "src/modules/referrals/referrals.x.ts:4  [sql] SQL names organisations — a table of module auth; call a function of that module instead",
    );
  });

  it("fails on sql.raw, on writes, and outside src/modules too", () => {
    const violations = findViolations(
      [
        authTables,
        referralsTables,
        file("src/ops/cleanup.ts", 'await db.execute(sql.raw("delete from users where not active"));\n'),
        file(
          "src/modules/referrals/referrals.y.ts",
          `const a = sql\`update "organisations" set name = ${slot("name")}\`;\nconst b = sql\`insert into users (email) values (${slot("email")})\`;\n`,
        ),
      ],
      [],
    );
    expect(violations.map((v) => `${v.file}:${v.line} ${v.rule} ${v.message.split(" — ")[0]}`)).toEqual([
      "src/ops/cleanup.ts:1 sql SQL names users",
      "src/modules/referrals/referrals.y.ts:1 sql SQL names organisations",
      "src/modules/referrals/referrals.y.ts:2 sql SQL names users",
    ]);
  });

  it("allows a module its own tables, the word as a column or alias, tests, tables files and src/db", () => {
    const violations = findViolations(
      [
        authTables,
        referralsTables,
        file(
          "src/modules/referrals/referrals.z.ts",
          "const a = sql`select count(*) as users, c.organisations from cases c`;\n",
        ),
        file(
          "src/modules/auth/auth.x.ts",
          "const a = sql`select id from users join organisations o on true`;\n",
        ),
        file("src/modules/referrals/z.test.ts", "const a = sql`select * from organisations`;\n"),
        file("src/db/reset.ts", "const a = sql`truncate table users cascade`;\n"),
      ],
      [],
    );
    expect(violations).toEqual([]);
  });

  it("lets an allow-list entry through, and fails on an entry the file no longer needs", () => {
    const privacy = file(
      "src/modules/privacy/p.ts",
      `const a = sql\`select id from users where email = ${slot("e")}\`;\n`,
    );
    const allowed = [{ file: "src/modules/privacy/p.ts", table: "users", reason: "subject access" }];
    expect(findViolations([authTables, privacy], allowed)).toEqual([]);
    const stale = [...allowed, { file: "src/modules/privacy/p.ts", table: "organisations", reason: "gone" }];
    expect(formatViolations(findViolations([authTables, privacy], stale))).toBe(
      "src/modules/privacy/p.ts:1  [sql] allows SQL on organisations that the file no longer has; remove the entry from SQL_ALLOWED",
    );
  });
});
