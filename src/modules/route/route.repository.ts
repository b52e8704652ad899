import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { scanResults } from "./route.tables.js";

/** A new unguessable id: 128 random bits, base64url (22 characters). */
export const newScanResultId = () => randomBytes(16).toString("base64url");

/** True when a string has the shape of a scan result id. */
export const isScanResultId = (value: string) => /^[A-Za-z0-9_-]{22}$/.test(value);

/** Stores and reads saved scan answers. */
export function createScanResultsRepository(db: Database) {
  return {
    /** Saves the answers and returns the new id. */
    async save(answers: unknown): Promise<string> {
      const id = newScanResultId();
      await db.insert(scanResults).values({ id, answers });
      return id;
    },
    /** The saved answers, or undefined when there is no result with this id. */
    async find(id: string): Promise<unknown | undefined> {
      if (!isScanResultId(id)) return undefined;
      const [row] = await db
        .select({ answers: scanResults.answers })
        .from(scanResults)
        .where(eq(scanResults.id, id));
      return row?.answers;
    },
  };
}

export type ScanResultsRepository = ReturnType<typeof createScanResultsRepository>;
