import type { Database } from "../../db/client.js";
import { hubs } from "./referrals.tables.js";

/** The public face of the demo hubs (organisations come from the auth module's demo data). */
export const DEMO_HUBS: (typeof hubs.$inferInsert)[] = [
  {
    organisationId: "hub-twente",
    email: "loket.twente@demo.invalid",
    description: {
      nl: "Het regionale loket voor circulair ondernemen in Twente. Een adviseur bespreekt uw vraag en zoekt met u de ondersteuning die past.",
      en: "The regional desk for circular business in Twente. An advisor discusses your question and finds the support that fits with you.",
    },
  },
  {
    organisationId: "hub-rotterdam-den-haag",
    email: "loket.rotterdam-den-haag@demo.invalid",
    description: {
      nl: "Het regionale loket voor circulair ondernemen in de regio Rotterdam Den Haag.",
      en: "The regional desk for circular business in the Rotterdam The Hague region.",
    },
  },
  {
    organisationId: "hub-groningen",
    email: "loket.groningen@demo.invalid",
    description: {
      nl: "Het regionale loket voor circulair ondernemen in Groningen.",
      en: "The regional desk for circular business in Groningen.",
    },
  },
  {
    organisationId: "hub-u16",
    email: "loket.u16@demo.invalid",
    description: {
      nl: "Het regionale loket voor circulair ondernemen in de regio U16 (Utrecht).",
      en: "The regional desk for circular business in the U16 region (Utrecht).",
    },
  },
];

/** Loads the demo hubs; idempotent. */
export async function seedDemoHubs(db: Database): Promise<number> {
  const added = await db.insert(hubs).values(DEMO_HUBS).onConflictDoNothing().returning();
  return added.length;
}
