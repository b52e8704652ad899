import { describe, expect, it } from "vitest";
import { entrepreneurMails, instrumentOfProvider, oneNameFor, statusInWords } from "./referrals.mails.js";

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

describe("an instrument and its provider in one sentence", () => {
  it("names both when they differ, and the name once when they are the same or one contains the other", () => {
    expect(instrumentOfProvider("nl", "MIA\\Vamil", "RVO")).toBe("MIA\\Vamil van RVO");
    expect(instrumentOfProvider("en", "MIA\\Vamil", "RVO")).toBe("MIA\\Vamil of RVO");
    expect(instrumentOfProvider("nl", "Excess Materials Exchange", "Excess Materials Exchange")).toBe(
      "Excess Materials Exchange",
    );
    // Case and outer spaces aside; the longer name, which says the most, is kept.
    expect(instrumentOfProvider("nl", " polymer science park ", "Polymer Science Park")).toBe(
      "polymer science park",
    );
    expect(instrumentOfProvider("en", "Polymer Science Park Testlab", "Polymer Science Park")).toBe(
      "Polymer Science Park Testlab",
    );
    expect(instrumentOfProvider("nl", "CIRCO", "Stichting CIRCO")).toBe("Stichting CIRCO");
    expect(oneNameFor("Circulaire Maakindustrie", "CIRCO")).toBeNull();
  });

  it("the mail about a referral says the name once, in Dutch and English", () => {
    const facts = {
      contactName: "Sanne",
      reference: "CL-2026-00001",
      pageUrl: "https://loket.example/mijn-aanvraag/abc",
      handler: "Circulair Loket Twente",
      loket: null,
    };
    const referral = {
      instrument: "Polymer Science Park",
      provider: "Polymer Science Park",
      status: "verstuurd" as const,
      reason: null,
      dueAt: new Date("2026-12-10T12:00:00Z"),
      delivery: "warme_overdracht" as const,
    };
    const nl = entrepreneurMails.referralSent({ ...facts, lang: "nl" }, referral);
    expect(nl.text).toContain(
      "Uw adviseur heeft u doorverwezen naar Polymer Science Park. Polymer Science Park ziet",
    );
    expect(nl.text).not.toContain("Polymer Science Park van Polymer Science Park");
    const en = entrepreneurMails.referralSent({ ...facts, lang: "en" }, referral);
    expect(en.text).toContain(
      "Your advisor has referred you to Polymer Science Park. Polymer Science Park sees",
    );
    expect(en.text).not.toContain("Polymer Science Park of Polymer Science Park");
  });
});
