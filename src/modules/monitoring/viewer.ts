/** Who is looking: a signed-in user's role and the area they coordinate. Resolved by the auth module (injected). */
export type ViewerScope =
  | { level: "national" }
  | { level: "province"; code: string }
  | { level: "region"; code: string };
export type Viewer = { role: string; scope: ViewerScope };

/** Finds the viewer of a request; until authentication is wired in, nobody is signed in. */
export type ResolveViewer = (request: Request) => Promise<Viewer | null>;
export const nobodySignedIn: ResolveViewer = async () => null;

/** Whether the viewer is a coordinator (of any scope). */
export const isCoordinator = (viewer: Viewer | null): viewer is Viewer => viewer?.role === "coordinator";

/** The region codes a scope covers, given each region's provinces. */
export function regionsInScope(
  scope: ViewerScope,
  regions: { code: string; provinceCodes: string[] }[],
): string[] {
  if (scope.level === "national") return regions.map((region) => region.code);
  if (scope.level === "region") return regions.filter((r) => r.code === scope.code).map((r) => r.code);
  return regions.filter((region) => region.provinceCodes.includes(scope.code)).map((region) => region.code);
}

/** Whether a coordinator of `outer` may see or manage `inner` (national ⊇ province ⊇ its regions). */
export function scopeContains(
  outer: ViewerScope,
  inner: ViewerScope,
  regions: { code: string; provinceCodes: string[] }[],
): boolean {
  if (outer.level === "national") return true;
  if (inner.level === "national") return false;
  if (outer.level === "region") return inner.level === "region" && inner.code === outer.code;
  if (inner.level === "province") return inner.code === outer.code;
  return regionsInScope(outer, regions).includes(inner.code);
}
