import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "./client.js";

/**
 * Inserts rows, or updates existing ones only where a value really differs, and returns how many rows changed.
 * Loading the same data twice therefore reports 0 the second time.
 */
export async function upsertChanged<TTable extends PgTable>(
  db: Database,
  table: TTable,
  target: PgColumn | PgColumn[],
  rows: TTable["$inferInsert"][],
): Promise<number> {
  if (rows.length === 0) return 0;
  const targets = Array.isArray(target) ? target : [target];
  const targetNames = new Set(targets.map((column) => column.name));
  const columns = Object.values(getTableColumns(table)) as PgColumn[];
  const updatable = columns.filter((column) => !targetNames.has(column.name));
  const set: Record<string, SQL> = {};
  for (const column of updatable) set[columnKey(table, column)] = sql.raw(`excluded."${column.name}"`);
  const differs = updatable.length
    ? sql.join(
        updatable.map((column) => sql`${column} is distinct from ${sql.raw(`excluded."${column.name}"`)}`),
        sql` or `,
      )
    : sql`false`;
  let changed = 0;
  // Chunks keep the statement under PostgreSQL's 65,535 bind-parameter limit.
  const chunkSize = Math.max(1, Math.floor(30_000 / Math.max(1, columns.length)));
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const query = updatable.length
      ? db.insert(table).values(chunk).onConflictDoUpdate({ target: targets, set, setWhere: differs })
      : db.insert(table).values(chunk).onConflictDoNothing({ target: targets });
    const result = (await query.returning({ one: sql<number>`1` })) as unknown[];
    changed += result.length;
  }
  return changed;
}

function columnKey(table: PgTable, column: PgColumn): string {
  for (const [key, value] of Object.entries(getTableColumns(table))) if (value === column) return key;
  throw new Error(`Column ${column.name} is not part of the table`);
}
