import { inArray } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { organisations, users } from "./auth.tables.js";

/** Display names of people and organisations, so pages name who did something instead of showing ids or codes. */
export type NameDirectory = {
  people: ReadonlyMap<number, string>;
  organisations: ReadonlyMap<string, string>;
};

/** Looks up the names of the given users and organisations in one query each (the auth module owns both tables). */
export async function namesFor(
  db: Database,
  ids: { userIds: readonly number[]; organisationIds: readonly string[] },
): Promise<NameDirectory> {
  const userIds = [...new Set(ids.userIds)];
  const organisationIds = [...new Set(ids.organisationIds)];
  const people = userIds.length
    ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))
    : [];
  const named = organisationIds.length
    ? await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, organisationIds))
    : [];
  return {
    people: new Map(people.map((row) => [row.id, row.name])),
    organisations: new Map(named.map((row) => [row.id, row.name])),
  };
}
