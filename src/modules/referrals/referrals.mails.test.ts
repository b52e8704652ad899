import { describe, expect, it } from "vitest";
import { statusInWords } from "./referrals.mails.js";

describe("a referral's status in the entrepreneur's words", () => {
  it("says the adviser makes contact when the referral is a warm handover, not that the provider has the data", () => {
    expect(statusInWords("nl", "verstuurd", "Het Groene Brein", "warme_overdracht")).toBe(
      "Uw adviseur neemt zelf contact op met Het Groene Brein en laat u weten of zij u kunnen helpen.",
    );
    expect(statusInWords("nl", "verstuurd", "CIRCO", "mail")).toBe(
      "CIRCO heeft uw gegevens gekregen en laat weten of zij u kunnen helpen.",
    );
    expect(statusInWords("en", "verstuurd", "CIRCO", "warme_overdracht")).toContain(
      "Your adviser contacts CIRCO",
    );
    // Once the provider answered, the route no longer matters.
    expect(statusInWords("nl", "geaccepteerd", "CIRCO", "warme_overdracht")).toBe("CIRCO gaat u helpen.");
  });
});
