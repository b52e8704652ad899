import type { Database } from "../../db/client.js";
import { hashPassword } from "./auth.passwords.js";
import type { Role } from "./auth.policy.js";
import { organisations, users } from "./auth.tables.js";

type DemoOrganisation = typeof organisations.$inferInsert;

/**
 * Demo organisations: hubs for several regions, coordinators and the platform. The demo provider accounts belong to
 * the real provider organisations (`provider-rvo`, `provider-versnellingshuis`) that every installation has (ADR 0084).
 */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = (
  [
    { id: "hub-twente", kind: "hub", name: "Circulair Loket Twente (demo)", regionCodes: ["ES04"] },
    {
      id: "hub-rotterdam-den-haag",
      kind: "hub",
      name: "Circulair Loket Rotterdam Den Haag (demo)",
      regionCodes: ["ES23"],
    },
    { id: "hub-groningen", kind: "hub", name: "Circulair Loket Groningen (demo)", regionCodes: ["ES01"] },
    { id: "hub-u16", kind: "hub", name: "Circulair Loket Utrecht U16 (demo)", regionCodes: ["ES14"] },
    { id: "coordinator-nl", kind: "coordinator", name: "Landelijke coördinatie (demo)", scope: "national" },
    {
      id: "coordinator-overijssel",
      kind: "coordinator",
      name: "Provincie Overijssel coördinatie (demo)",
      scope: "province",
      regionCodes: ["ES04", "ES05"],
    },
    { id: "platform", kind: "platform", name: "Beheer Circulair Loket (demo)" },
  ] satisfies DemoOrganisation[]
).map((organisation) => ({
  ...organisation,
  // Demo hubs are desks that take intakes ("hub"); every demo organisation is flagged so no figure counts it.
  ...(organisation.kind === "hub" ? { publicKind: "hub" as const } : {}),
  isDemo: true,
}));

/** Demo accounts; all share the DEMO_PASSWORD. Listed in the README. */
export const DEMO_USERS: { email: string; displayName: string; organisationId: string; role: Role }[] = [
  {
    email: "adviseur.es04@demo.invalid",
    displayName: "Anna Adviseur (Twente)",
    organisationId: "hub-twente",
    role: "adviseur",
  },
  {
    email: "adviseur.es23@demo.invalid",
    displayName: "Bram Adviseur (Rotterdam Den Haag)",
    organisationId: "hub-rotterdam-den-haag",
    role: "adviseur",
  },
  {
    email: "adviseur.es01@demo.invalid",
    displayName: "Carla Adviseur (Groningen)",
    organisationId: "hub-groningen",
    role: "adviseur",
  },
  {
    email: "adviseur.es14@demo.invalid",
    displayName: "Dirk Adviseur (U16)",
    organisationId: "hub-u16",
    role: "adviseur",
  },
  {
    email: "aanbieder.rvo@demo.invalid",
    displayName: "Eva Aanbieder (RVO)",
    organisationId: "provider-rvo",
    role: "aanbieder",
  },
  {
    email: "aanbieder.versnellingshuis@demo.invalid",
    displayName: "Frank Aanbieder (Versnellingshuis)",
    organisationId: "provider-versnellingshuis",
    role: "aanbieder",
  },
  {
    email: "coordinator@demo.invalid",
    displayName: "Gerda Coördinator (landelijk)",
    organisationId: "coordinator-nl",
    role: "coordinator",
  },
  {
    email: "coordinator.overijssel@demo.invalid",
    displayName: "Hans Coördinator (Overijssel)",
    organisationId: "coordinator-overijssel",
    role: "coordinator",
  },
  {
    email: "beheer@demo.invalid",
    displayName: "Ilse Beheerder",
    organisationId: "platform",
    role: "beheerder",
  },
];

/**
 * Loads the demo organisations and accounts. Idempotent: existing rows stay as they are; the password is hashed
 * once per run and only when an account is missing. Returns the number of accounts added.
 */
export async function seedDemoAccounts(db: Database, password: string): Promise<number> {
  for (const organisation of DEMO_ORGANISATIONS)
    await db.insert(organisations).values(organisation).onConflictDoNothing({ target: organisations.id });
  const existing = new Set((await db.select({ email: users.email }).from(users)).map((row) => row.email));
  const missing = DEMO_USERS.filter((user) => !existing.has(user.email));
  if (missing.length === 0) return 0;
  const passwordHash = await hashPassword(password);
  const added = await db
    .insert(users)
    .values(missing.map((user) => ({ ...user, passwordHash })))
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  return added.length;
}
