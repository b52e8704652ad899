import { describe, expect, it } from "vitest";
import { actionWords, actorWords } from "./admin.audit-words.js";

const names = {
  people: new Map([[7, "Bram Adviseur"]]),
  organisations: new Map([["hub-rotterdam-den-haag", "Circulair Loket Rotterdam Den Haag"]]),
};

describe("the audit log in words", () => {
  it("names people with role and organisation, and other actors by what they are", () => {
    expect(actorWords({ actorUserId: 7, actorLabel: "adviseur@hub-rotterdam-den-haag" }, names, "nl")).toBe(
      "Bram Adviseur (adviseur, Circulair Loket Rotterdam Den Haag)",
    );
    expect(actorWords({ actorUserId: null, actorLabel: "ondernemer" }, names, "nl")).toBe("ondernemer");
    expect(actorWords({ actorUserId: null, actorLabel: "link:verwijzing-2" }, names, "nl")).toBe(
      "aanbieder via de link in de e-mail (verwijzing 2)",
    );
    expect(actorWords({ actorUserId: null, actorLabel: "link:verwijzing-2" }, names, "en")).toBe(
      "provider through the link in the e-mail (referral 2)",
    );
  });

  it("has words for the actions of the delivery routes and the entrepreneur's page", () => {
    for (const action of [
      "referral_link.use",
      "referral.question",
      "referral_task.complete",
      "own_case.withdraw",
    ])
      expect(actionWords(action, "nl")).not.toBe(action);
  });
});
