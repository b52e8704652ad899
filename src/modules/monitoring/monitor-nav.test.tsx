import { describe, expect, it } from "vitest";
import { can, type Principal } from "../auth/index.js";
import { MonitorNav, sectionsOpenTo } from "./views/monitor-parts.js";

const coordinator: Principal = {
  userId: 1,
  email: "c@demo.invalid",
  displayName: "C",
  role: "coordinator",
  organisationId: "coordinator-nl",
  organisationName: "Landelijk",
  organisationKind: "coordinator",
  providerId: null,
  regionCodes: [],
  scope: "national",
};

describe("monitor tabs", () => {
  it("asks the policy which tabs a user may open: the register is a coordinator's", () => {
    const tabsOf = (principal: Principal | undefined) =>
      sectionsOpenTo((action) => can(principal, action, { area: { level: "national" } }));
    expect(tabsOf(undefined)).toEqual(["overview", "coverage", "gaps", "funnel", "effectiveness", "goals"]);
    expect(tabsOf({ ...coordinator, role: "adviseur", scope: null, regionCodes: ["ES04"] })).not.toContain(
      "barriers",
    );
    expect(tabsOf(coordinator)).toContain("barriers");
  });

  it("shows every tab unless told which are open", () => {
    const all = String(<MonitorNav lang="nl" current="overview" />);
    expect(all).toContain('href="/monitor/belemmeringen"');
    const open = String(<MonitorNav lang="nl" current="overview" open={sectionsOpenTo(() => false)} />);
    expect(open).not.toContain('href="/monitor/belemmeringen"');
    // The public tab leads to the published barriers and answers instead of a 403.
    expect(open).toContain('href="/belemmeringen"');
    expect(all).not.toContain('href="/belemmeringen"');
    expect(open).toContain('href="/monitor/doelen"');
  });
});
