import { expect, it } from "vitest";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { seedDemoData } from "../../db/seed.js";
import { referralDeliveriesFor, referralDeliveryFor } from "./auth.delivery.js";
import { organisations } from "./auth.tables.js";

describeEachDatabase("delivery routes of many providers at once", (database) => {
  it("agrees with the one-provider rule for accounts, a referral address, no address and no organisation", async () => {
    const { db } = database();
    await seedDemoData(db, "demo-wachtwoord");
    await db.insert(organisations).values([
      {
        id: "provider-batch-mail",
        kind: "provider",
        name: "Per mail",
        providerId: "batch-mail",
        referralEmail: "v@mail.example",
      },
      { id: "provider-batch-none", kind: "provider", name: "Zonder adres", providerId: "batch-none" },
    ]);
    const ids = ["rvo", "versnellingshuis", "batch-mail", "batch-none", "bestaat-niet"];
    const batch = await referralDeliveriesFor(db, [...ids, "rvo", ""]);
    expect([...batch.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(batch.get(id)).toEqual(await referralDeliveryFor(db, id));
    expect(batch.get("rvo")?.route).toBe("account");
    expect(batch.get("batch-mail")).toEqual({
      route: "mail",
      organisationId: "provider-batch-mail",
      address: "v@mail.example",
    });
    expect(batch.get("batch-none")?.route).toBe("warme_overdracht");
    expect(await referralDeliveriesFor(db, [])).toEqual(new Map());
  });
});
