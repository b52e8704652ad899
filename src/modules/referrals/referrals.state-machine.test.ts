import { describe, expect, it } from "vitest";
import {
  allowedTransitions,
  DEADLINE_DAYS,
  isTerminal,
  REFERRAL_STATUSES,
  TRANSITIONS,
  transition,
} from "./referrals.state-machine.js";

const now = new Date("2026-11-27T10:00:00Z");

describe("referral state machine", () => {
  it("has thirteen statuses; seven are terminal and every other one can expire and be withdrawn", () => {
    expect(REFERRAL_STATUSES).toHaveLength(13);
    const terminal = REFERRAL_STATUSES.filter(isTerminal);
    expect(terminal.sort()).toEqual(
      [
        "afgerond_geholpen",
        "afgerond_niet_geholpen",
        "afgewezen",
        "doorverwezen",
        "geen_contact",
        "ingetrokken",
        "verlopen",
      ].sort(),
    );
    for (const status of REFERRAL_STATUSES.filter((s) => !isTerminal(s))) {
      expect(TRANSITIONS[status].some((t) => t.to === "ingetrokken")).toBe(true);
      if (status !== "concept") expect(TRANSITIONS[status].some((t) => t.to === "verlopen")).toBe(true);
    }
  });

  it("every non-terminal status after sending has a deadline", () => {
    for (const status of REFERRAL_STATUSES.filter((s) => !isTerminal(s) && s !== "concept"))
      expect(DEADLINE_DAYS[status]).toBeGreaterThan(0);
  });

  it("lets the provider accept a sent referral, with a new deadline", () => {
    const result = transition("verstuurd", "geaccepteerd", "aanbieder", null, now);
    expect(result).toEqual({
      ok: true,
      to: "geaccepteerd",
      reasonCode: null,
      dueAt: new Date("2026-12-27T10:00:00Z"),
      outcome: null,
      outcomeReason: null,
    });
  });

  it("refuses moves by the wrong actor and moves out of terminal statuses", () => {
    expect(transition("verstuurd", "geaccepteerd", "adviseur", null, now)).toEqual({
      ok: false,
      problem: "notAllowed",
    });
    expect(transition("verstuurd", "ingetrokken", "aanbieder", "dubbele_verwijzing", now)).toEqual({
      ok: false,
      problem: "notAllowed",
    });
    expect(transition("afgerond_geholpen", "in_uitvoering", "aanbieder", null, now).ok).toBe(false);
    expect(transition("verstuurd", "verlopen", "aanbieder", null, now).ok).toBe(false);
    expect(transition("verstuurd", "verlopen", "systeem", null, now).ok).toBe(true);
  });

  it("requires one of the five decline reasons and records not helped", () => {
    expect(transition("verstuurd", "afgewezen", "aanbieder", null, now)).toEqual({
      ok: false,
      problem: "reasonRequired",
    });
    expect(transition("verstuurd", "afgewezen", "aanbieder", "geen_zin", now)).toEqual({
      ok: false,
      problem: "unknownReason",
    });
    const result = transition("verstuurd", "afgewezen", "aanbieder", "budget_op", now);
    expect(result).toMatchObject({
      ok: true,
      reasonCode: "budget_op",
      outcome: "niet_geholpen",
      outcomeReason: "budget_op",
      dueAt: null,
    });
  });

  it("records helped when the provider completes, and a reason is refused where none belongs", () => {
    expect(transition("in_uitvoering", "afgerond_geholpen", "aanbieder", null, now)).toMatchObject({
      ok: true,
      outcome: "geholpen",
      dueAt: null,
    });
    expect(transition("geaccepteerd", "in_uitvoering", "aanbieder", "budget_op", now)).toEqual({
      ok: false,
      problem: "unknownReason",
    });
  });

  it("lists the moves per actor", () => {
    expect(allowedTransitions("verstuurd", "aanbieder").map((t) => t.to)).toEqual([
      "in_behandeling",
      "geaccepteerd",
      "afgewezen",
    ]);
    expect(allowedTransitions("verstuurd", "adviseur").map((t) => t.to)).toEqual(["ingetrokken"]);
    expect(allowedTransitions("actie_ondernemer_nodig", "adviseur").map((t) => t.to)).toEqual([
      "in_behandeling",
      "ingetrokken",
    ]);
  });

  it("records not helped with one of its reasons once a referral was accepted (ADR 0086)", () => {
    expect(transition("geaccepteerd", "afgerond_niet_geholpen", "aanbieder", null, now)).toEqual({
      ok: false,
      problem: "reasonRequired",
    });
    expect(
      transition("in_uitvoering", "afgerond_niet_geholpen", "aanbieder", "past_niet_bij_vraag", now),
    ).toMatchObject({
      ok: true,
      outcome: "niet_geholpen",
      outcomeReason: "past_niet_bij_vraag",
      dueAt: null,
    });
    expect(transition("verstuurd", "afgerond_niet_geholpen", "aanbieder", "budget_op", now).ok).toBe(false);
  });

  it("lets the adviser record a warm handover's answer for the provider, and nothing the provider may not do", () => {
    expect(allowedTransitions("verstuurd", "overdracht").map((t) => t.to)).toEqual([
      "geaccepteerd",
      "afgewezen",
      "geen_contact",
    ]);
    expect(allowedTransitions("geaccepteerd", "overdracht").map((t) => t.to)).toEqual([
      "afgerond_geholpen",
      "afgerond_niet_geholpen",
      "geen_contact",
    ]);
    // A provider with an account never skips from "verstuurd" to "geen contact"; the adviser itself cannot accept.
    expect(transition("verstuurd", "geen_contact", "aanbieder", null, now).ok).toBe(false);
    expect(transition("verstuurd", "geaccepteerd", "adviseur", null, now).ok).toBe(false);
    expect(transition("verstuurd", "geen_contact", "overdracht", null, now)).toMatchObject({
      ok: true,
      outcome: "niet_geholpen",
    });
  });
});
