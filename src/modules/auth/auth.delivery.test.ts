import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { referralDeliveryFor } from "./auth.delivery.js";
import { organisations, users } from "./auth.tables.js";

describeEachDatabase("how a provider receives referrals", (database) => {
  it("uses accounts first, then the referral address, else a warm handover", async () => {
    const { db } = database();
    expect(await referralDeliveryFor(db, "nobody")).toEqual({
      route: "warme_overdracht",
      organisationId: null,
    });
    await db.insert(organisations).values({
      id: "provider-test-delivery",
      kind: "provider",
      name: "Testaanbieder",
      providerId: "test-delivery",
    });
    expect(await referralDeliveryFor(db, "test-delivery")).toEqual({
      route: "warme_overdracht",
      organisationId: "provider-test-delivery",
    });
    await db
      .update(organisations)
      .set({ referralEmail: "verwijzingen@aanbieder.example" })
      .where(eq(organisations.id, "provider-test-delivery"));
    expect(await referralDeliveryFor(db, "test-delivery")).toEqual({
      route: "mail",
      organisationId: "provider-test-delivery",
      address: "verwijzingen@aanbieder.example",
    });
    const [user] = await db
      .insert(users)
      .values({
        email: "medewerker@aanbieder.example",
        displayName: "Medewerker",
        organisationId: "provider-test-delivery",
        role: "aanbieder",
        active: false,
      })
      .returning();
    // An inactive account receives nothing, so the mail route stays.
    expect((await referralDeliveryFor(db, "test-delivery")).route).toBe("mail");
    await db
      .update(users)
      .set({ active: true })
      .where(eq(users.id, user?.id ?? 0));
    expect(await referralDeliveryFor(db, "test-delivery")).toEqual({
      route: "account",
      organisationId: "provider-test-delivery",
    });
    expect(user?.id).toBeGreaterThan(0);
  });
});
