/**
 * The one policy table: every workspace and coordinator action and who may do it. Routes call the guard
 * (auth.guard.ts) with an action and what it is about — a dossier's region, a provider, an area of the country; no
 * route checks roles itself.
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

/** An area of the country: what a coordinator looks after, and what a figure, goal, gap, barrier or report is about. */
export type Area =
  | { level: "national" }
  | { level: "province"; code: string }
  | { level: "region"; code: string };

/**
 * The one fact of the map the policy needs: the provinces each RES region lies in (a few cross a border). The
 * composition root hands it to the guard; without it no province can be placed, so province rules refuse.
 */
export type RegionProvinces = ReadonlyMap<string, readonly string[]>;

/**
 * What an action is about: the region of a dossier, the provider of a referral or listing, the area of a figure,
 * goal, gap or barrier, the organisation that owns a gap.
 */
export type PolicyResource = {
  regionCode?: string;
  /**
   * Which queue a dossier (or a referral's dossier) is in: a hub's regional queue, or the national queue for regions
   * without a hub that takes intakes (ADR 0081). Undefined counts as regional.
   */
  queue?: "regional" | "national";
  providerId?: string;
  area?: Area;
  organisationId?: string;
  /**
   * The request holds the resource's private link: the unguessable token of the entrepreneur's own case page, for a
   * case that exists and is not erased (ADR 0085). Only the link-holder rules read it.
   */
  heldLink?: boolean;
};

type Condition = (
  principal: Principal,
  resource: PolicyResource,
  regionProvinces: RegionProvinces,
) => boolean;
/**
 * Who may: signed-in users in `roles` (when `when` holds), or — `linkHolder` — whoever holds the resource's private
 * link, with or without a session and whatever their role (the entrepreneur has no account).
 */
type Rule = { roles: readonly Role[]; when?: Condition; linkHolder?: true };

const NO_MAP: RegionProvinces = new Map();

/**
 * The area a user looks after, from their organisation: national, the province its regions share, or its region.
 * Undefined when the organisation has no scope (hubs, providers, the platform) or its regions do not place it.
 */
export function areaOf(principal: Principal, regionProvinces: RegionProvinces = NO_MAP): Area | undefined {
  const [first] = principal.regionCodes;
  if (principal.scope === "national") return { level: "national" };
  if (!first) return undefined;
  if (principal.scope === "region") return { level: "region", code: first };
  if (principal.scope !== "province") return undefined;
  const province = regionProvinces
    .get(first)
    ?.find((code) => principal.regionCodes.every((region) => regionProvinces.get(region)?.includes(code)));
  return province ? { level: "province", code: province } : undefined;
}

/** Whether `outer` holds `inner`: the country holds every province, a province the regions that lie in it. */
export function areaContains(outer: Area, inner: Area, regionProvinces: RegionProvinces = NO_MAP): boolean {
  if (outer.level === "national") return true;
  if (inner.level === "national") return false;
  if (outer.level === "region") return inner.level === "region" && inner.code === outer.code;
  if (inner.level === "province") return inner.code === outer.code;
  return regionProvinces.get(inner.code)?.includes(outer.code) ?? false;
}

const coversRegion = (principal: Principal, resource: PolicyResource) =>
  resource.regionCode !== undefined && principal.regionCodes.includes(resource.regionCode);
/** A dossier in a hub's regional queue, in a region the adviser's hub covers. */
const regionalCase = (principal: Principal, resource: PolicyResource) =>
  resource.queue !== "national" && coversRegion(principal, resource);
/** The national coordinators handle the national queue: intakes from regions without a hub (ADR 0081). */
const handlesNationalQueue = (principal: Principal) => principal.scope === "national";
const nationalCase = (principal: Principal, resource: PolicyResource) =>
  resource.queue === "national" && handlesNationalQueue(principal);
/** Dossier work: an adviser on a regional dossier of their hub, a national coordinator on the national queue. */
const caseWork: Condition = (principal, resource) =>
  principal.role === "adviseur" ? regionalCase(principal, resource) : nationalCase(principal, resource);
const ownsProvider = (principal: Principal, resource: PolicyResource) =>
  resource.providerId !== undefined && principal.providerId === resource.providerId;
/** The resource's area lies within the area the user looks after. */
const withinArea: Condition = (principal, resource, regionProvinces) => {
  const own = areaOf(principal, regionProvinces);
  return (
    own !== undefined && resource.area !== undefined && areaContains(own, resource.area, regionProvinces)
  );
};
const isHub = (principal: Principal) => principal.organisationKind === "hub";
/** An event kept by the user's own hub: the organisation must be the user's, and that organisation a hub. */
const ownHubEvent: Condition = (principal, resource) =>
  isHub(principal) &&
  resource.organisationId !== undefined &&
  resource.organisationId === principal.organisationId;
/** The resource belongs to the user's own organisation (a barrier forwarded to it). */
const ownOrganisation: Condition = (principal, resource) =>
  resource.organisationId !== undefined && resource.organisationId === principal.organisationId;
/** A goal for the whole country, by whoever looks after the whole country. */
const nationalGoal: Condition = (principal, resource, regionProvinces) =>
  resource.area?.level === "national" && withinArea(principal, resource, regionProvinces);
/** The resource lies within the user's area, or the user's organisation owns it (a gap it is "aan zet" for). */
const withinAreaOrOwner: Condition = (principal, resource, regionProvinces) =>
  withinArea(principal, resource, regionProvinces) ||
  (resource.organisationId !== undefined && principal.organisationId === resource.organisationId);

export const POLICY = {
  "workspace.enter": { roles: ["adviseur", "aanbieder", "coordinator", "beheerder"] },
  "outbox.view": { roles: ["adviseur", "aanbieder", "coordinator", "beheerder"] },
  /** The monitor in the main navigation: for those who steer with it; everyone else finds it in the footer. */
  "monitor.navigate": { roles: ["coordinator", "beheerder"] },
  "queue.view": { roles: ["adviseur"] },
  /** The national queue (ADR 0081): intakes from regions without a hub, handled by the national coordinators. */
  "national_queue.view": { roles: ["coordinator"], when: handlesNationalQueue },
  "case.read": { roles: ["adviseur", "coordinator"], when: caseWork },
  "case.update": { roles: ["adviseur", "coordinator"], when: caseWork },
  "referral.create": { roles: ["adviseur", "coordinator"], when: caseWork },
  "measure.create": { roles: ["adviseur", "coordinator"], when: caseWork },
  /** Mark the dossier's question "geen passend aanbod": a demand record for the monitor's gap view (ADR 0094). */
  "case.mark_no_offer": { roles: ["adviseur", "coordinator"], when: caseWork },
  "referral.read": {
    roles: ["adviseur", "coordinator", "aanbieder"],
    when: (principal, resource, regionProvinces) =>
      principal.role === "aanbieder"
        ? ownsProvider(principal, resource)
        : caseWork(principal, resource, regionProvinces),
  },
  "referral.transition": {
    roles: ["adviseur", "coordinator", "aanbieder"],
    when: (principal, resource, regionProvinces) =>
      principal.role === "aanbieder"
        ? ownsProvider(principal, resource)
        : caseWork(principal, resource, regionProvinces),
  },
  /** Complete a follow-up task on a referral (warm handover, expired referral; ADR 0086): who works the dossier. */
  "referral_task.complete": { roles: ["adviseur", "coordinator"], when: caseWork },
  "provider.inbox": { roles: ["aanbieder"] },
  "listing.update": { roles: ["aanbieder"], when: ownsProvider },
  /** A provider, or an adviser of a hub for its own loket, lists its own agenda events and adds new ones (ADR 0072). */
  "event.keep": {
    roles: ["aanbieder", "adviseur"],
    when: (principal) => principal.role === "aanbieder" || isHub(principal),
  },
  "event.update": { roles: ["aanbieder"], when: ownsProvider },
  /** An adviser changes or cancels an event their own hub keeps for its loket (ADR 0072). */
  "hub_event.update": { roles: ["adviseur"], when: ownHubEvent },
  /** Coordinators: the monitor's restricted tabs and exact (unsuppressed) figures of an area within their own. */
  "monitor.view_restricted": { roles: ["coordinator"], when: withinArea },
  /** Goals for the whole country (ADR 0095): the national coordinator sets them and changes them. */
  "goal.create": { roles: ["coordinator"], when: nationalGoal },
  "goal.update": { roles: ["coordinator"], when: nationalGoal },
  /** A province coordinator breaks a national goal down into targets for their province and its regions. */
  "goal.breakdown": {
    roles: ["coordinator"],
    when: (principal, resource, regionProvinces) =>
      principal.scope === "province" && withinArea(principal, resource, regionProvinces),
  },
  /** The barrier register and its yearly summary hold the reports of the coordinator's own area. */
  "barrier.read_register": { roles: ["coordinator"], when: withinArea },
  /** Categorise, forward, answer: the barrier's region must lie within the coordinator's area. */
  "barrier.update": { roles: ["coordinator"], when: withinArea },
  /** Forward a barrier to the competent body with a deadline (ADR 0096): coordinators of the barrier's area. */
  "barrier.forward": { roles: ["coordinator"], when: withinArea },
  /** Record the body's answer received by letter or phone. */
  "barrier.answer": { roles: ["coordinator"], when: withinArea },
  /** Publish the coordinator's anonymised summary and answer on /belemmeringen (and tell the reporter). */
  "barrier.publish": { roles: ["coordinator"], when: withinArea },
  /**
   * A barrier forwarded to the user's own organisation (the competent body has workspace accounts, ADR 0096): its
   * users read the report (without the reporter's details) and answer it in the workspace, as a gap's owner does.
   */
  "barrier.read_forwarding": { roles: ["adviseur", "aanbieder", "coordinator"], when: ownOrganisation },
  "barrier.answer_forwarding": { roles: ["adviseur", "aanbieder", "coordinator"], when: ownOrganisation },
  /** A report from a signed-in adviser is marked as an adviser's (from any region, as they hear it). */
  "barrier.report_as_adviser": { roles: ["adviseur"] },
  /**
   * Put a gap in the register, or change who is aan zet, the decision and the deadline (ADR 0094): a coordinator, for
   * a region within their area.
   */
  "gap.assign": { roles: ["coordinator"], when: withinArea },
  /** A gap in the register: coordinators of its area, and the users of the organisation that is "aan zet". */
  "gap.read": { roles: ["coordinator", "adviseur", "aanbieder"], when: withinAreaOrOwner },
  "gap.update": { roles: ["coordinator", "adviseur", "aanbieder"], when: withinAreaOrOwner },
  /** The coordinator's periodic report of an area within their own. */
  "report.read": { roles: ["coordinator"], when: withinArea },
  "outbox.view_all": { roles: ["beheerder"] },
  "subject.export": { roles: ["beheerder"] },
  "subject.erase": { roles: ["beheerder"] },
  "audit.read": { roles: ["beheerder"] },
  /** The administration (ADR 0084): its index, organisations (with a hub's regions), users and invitations. */
  "admin.enter": { roles: ["beheerder"] },
  "organisation.manage": { roles: ["beheerder"] },
  "user.manage": { roles: ["beheerder"] },
  /** The entrepreneur's own case page, /mijn-aanvraag/{token} (ADR 0085): read it, and the steps since intake. */
  "own_case.read": { roles: [], linkHolder: true },
  /** Send the adviser a message or add information from it. */
  "own_case.message": { roles: [], linkHolder: true },
  /** Download the case's data (the privacy registry's export for this case only). */
  "own_case.export": { roles: [], linkHolder: true },
  /** Withdraw consent: the case is erased as the beheerder's erasure does. */
  "own_case.withdraw": { roles: [], linkHolder: true },
  /**
   * Mijn route, /mijn-route/{token} (ADR 0091): whoever holds the link reads the saved route, changes its statuses and
   * results, and asks for the link by e-mail; no account, no role.
   */
  "mijn_route.read": { roles: [], linkHolder: true },
  "mijn_route.update": { roles: [], linkHolder: true },
  "mijn_route.email": { roles: [], linkHolder: true },
  /** The route a dossier carries (shared at intake with consent), shown in the dossier: who may read the case. */
  "case.saved_route.read": { roles: ["adviseur", "coordinator"], when: caseWork },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;

/** Whether the principal may perform the action on the resource. Pure: the policy table decides. */
export function can(
  principal: Principal | undefined,
  action: Action,
  resource: PolicyResource = {},
  regionProvinces: RegionProvinces = NO_MAP,
): boolean {
  const rule: Rule = POLICY[action];
  if (rule.linkHolder) return resource.heldLink === true;
  if (!principal) return false;
  if (!rule.roles.includes(principal.role)) return false;
  return rule.when ? rule.when(principal, resource, regionProvinces) : true;
}
