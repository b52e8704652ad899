// Invites a beheerder into the platform organisation and prints the single-use link (ADR 0084). The first beheerder
// of a new installation comes this way; every later account is invited at /beheer/gebruikers.
// npm run beheer:invite -- --email naam@organisatie.nl --name "Voornaam Achternaam" [--lang en] [--database-url URL | --data-dir DIR]
import { loadEnv } from "../src/config/env.js";
import { seedDatabase } from "../src/db/seed.js";
import { createAuditLog } from "../src/modules/audit/index.js";
import {
  createInvitations,
  INVITATION_DAYS,
  normaliseEmail,
  PLATFORM_ORGANISATION_ID,
} from "../src/modules/auth/index.js";
import { queueMail } from "../src/modules/referrals/index.js";
import { absoluteUrlOn } from "../src/web/links.js";
import { openTarget, scriptArgs } from "./support/database-args.js";

const { values } = scriptArgs({
  email: { type: "string" },
  name: { type: "string" },
  lang: { type: "string" },
});
if (!values.email || !values.name) {
  console.error(
    'usage: npm run beheer:invite -- --email <address> --name "<name>" [--lang nl|en] [--database-url URL | --data-dir DIR]',
  );
  process.exit(2);
}
const env = loadEnv();
const database = await openTarget({ databaseUrl: values["database-url"], dataDir: values["data-dir"] });
try {
  // The platform organisation and the reference data, as a start would load them (idempotent).
  await seedDatabase(database.db, { demo: false });
  const clock = () => new Date();
  const invitations = createInvitations({
    db: database.db,
    audit: createAuditLog(clock),
    absoluteUrl: absoluteUrlOn(env.publicBaseUrl),
    queueMail: async (tx, mail) => void (await queueMail(tx, mail, clock())),
    clock,
  });
  const actor = { userId: null, label: "systeem (beheer:invite)", clientKey: null };
  const input = {
    email: values.email,
    displayName: values.name,
    role: "beheerder" as const,
    organisationId: PLATFORM_ORGANISATION_ID,
    lang: values.lang === "en" ? ("en" as const) : ("nl" as const),
  };
  let result = await invitations.invite(actor, input);
  if (!result.ok && result.problem === "alreadyInvited") {
    // Asked again (the first link expired or got lost): the open invitation is withdrawn and a new one sent.
    const open = (await invitations.listOpen()).filter(
      (invitation) => invitation.email === normaliseEmail(input.email) && !invitation.withdrawn,
    );
    for (const invitation of open) await invitations.withdraw(actor, invitation.id, invitation.version);
    result = await invitations.invite(actor, input);
  }
  if (!result.ok) {
    const why = {
      emailHasAccount: "an account with this e-mail address exists already",
      alreadyInvited:
        "this address has an open invitation; a beheerder can send it again at /beheer/gebruikers",
      roleOrganisation: "the platform organisation is not a platform organisation",
      unknownOrganisation: "the platform organisation is missing",
    }[result.problem];
    console.error(`No invitation: ${why}.`);
    process.exitCode = 1;
  } else {
    console.log(
      `Invitation ${result.id} queued as e-mail (sent by the running service when SMTP_URL is set).`,
    );
    console.log(`The link works once, for ${INVITATION_DAYS} days. Give it only to the invitee:`);
    console.log(result.link);
  }
} finally {
  await database.close();
}
