import type { Database } from "../../db/client.js";
import type { AuditActor, AuditLog } from "../audit/index.js";
import { type NameDirectory, namesFor } from "./auth.directory.js";
import { listUsers, setUserActive } from "./auth.invitations.js";
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  type OrganisationKind,
  updateOrganisation,
} from "./auth.organisations.js";

/**
 * The accounts and organisations as the beheer pages use them, bound to the database and the audit log, so routes
 * call named operations and never hold `db` (ADR 0087). Every change is audited by the function it calls.
 */
export function createAccountAdministration(db: Database, audit: AuditLog) {
  return {
    listUsers: () => listUsers(db),
    setUserActive: (actor: AuditActor, input: Parameters<typeof setUserActive>[3]) =>
      setUserActive(db, audit, actor, input),
    listOrganisations: (kind?: OrganisationKind) => listOrganisations(db, kind),
    getOrganisation: (id: string) => getOrganisation(db, id),
    createOrganisation: (actor: AuditActor, input: Parameters<typeof createOrganisation>[3]) =>
      createOrganisation(db, audit, actor, input),
    updateOrganisation: (actor: AuditActor, input: Parameters<typeof updateOrganisation>[3]) =>
      updateOrganisation(db, audit, actor, input),
    namesFor: (ids: {
      userIds: readonly number[];
      organisationIds: readonly string[];
    }): Promise<NameDirectory> => namesFor(db, ids),
    /** The newest audit entries with their actors' and subjects' names resolved by the caller. */
    latestAudit: (options: { limit?: number; subjectType?: string; subjectId?: string } = {}) =>
      audit.latest(db, options),
  };
}

export type AccountAdministration = ReturnType<typeof createAccountAdministration>;
