/**
 * The one policy table: every workspace action and who may do it. Routes call `authorize` (auth.guard.ts) with an
 * action and the resource's region or provider; no route checks roles itself.
 */
export type Role = "adviseur" | "aanbieder" | "coordinator" | "beheerder";

/** The signed-in user as the policy sees it. */
export type Principal = {
  userId: number;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  organisationKind: "hub" | "provider" | "coordinator" | "platform";
  /** Providers: the catalogue organisation id whose instruments they own. */
  providerId: string | null;
  /** Hubs and regional/provincial coordinators: the RES regions covered. */
  regionCodes: string[];
  scope: "national" | "province" | "region" | null;
};

/** What an action is about: the region of a dossier, the provider of a referral or listing. */
export type PolicyResource = { regionCode?: string; providerId?: string };

type Rule = { roles: readonly Role[]; when?: (principal: Principal, resource: PolicyResource) => boolean };

const coversRegion = (principal: Principal, resource: PolicyResource) =>
  resource.regionCode !== undefined && principal.regionCodes.includes(resource.regionCode);
const ownsProvider = (principal: Principal, resource: PolicyResource) =>
  resource.providerId !== undefined && principal.providerId === resource.providerId;

export const POLICY = {
  "workspace.enter": { roles: ["adviseur", "aanbieder", "coordinator", "beheerder"] },
  "outbox.view": { roles: ["adviseur", "aanbieder", "coordinator", "beheerder"] },
  "queue.view": { roles: ["adviseur"] },
  "case.read": { roles: ["adviseur"], when: coversRegion },
  "case.update": { roles: ["adviseur"], when: coversRegion },
  "referral.create": { roles: ["adviseur"], when: coversRegion },
  "measure.create": { roles: ["adviseur"], when: coversRegion },
  "referral.read": {
    roles: ["adviseur", "aanbieder"],
    when: (principal, resource) =>
      principal.role === "adviseur" ? coversRegion(principal, resource) : ownsProvider(principal, resource),
  },
  "referral.transition": {
    roles: ["adviseur", "aanbieder"],
    when: (principal, resource) =>
      principal.role === "adviseur" ? coversRegion(principal, resource) : ownsProvider(principal, resource),
  },
  "provider.inbox": { roles: ["aanbieder"] },
  "listing.update": { roles: ["aanbieder"], when: ownsProvider },
  /** A provider lists its own agenda events and adds new ones (issue 7). */
  "event.keep": { roles: ["aanbieder"] },
  "event.update": { roles: ["aanbieder"], when: ownsProvider },
  "stats.view": { roles: ["coordinator", "beheerder"] },
  "outbox.view_all": { roles: ["beheerder"] },
  "subject.export": { roles: ["beheerder"] },
  "subject.erase": { roles: ["beheerder"] },
  "audit.read": { roles: ["beheerder"] },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;

/** Whether the principal may perform the action on the resource. Pure: the policy table decides. */
export function can(
  principal: Principal | undefined,
  action: Action,
  resource: PolicyResource = {},
): boolean {
  if (!principal) return false;
  const rule: Rule = POLICY[action];
  if (!rule.roles.includes(principal.role)) return false;
  return rule.when ? rule.when(principal, resource) : true;
}

/** The regions whose aggregates a coordinator may see: its own regions, or all when national. */
export function visibleRegions(principal: Principal, allRegionCodes: string[]): string[] {
  if (principal.role === "beheerder" || principal.scope === "national") return allRegionCodes;
  return allRegionCodes.filter((code) => principal.regionCodes.includes(code));
}
