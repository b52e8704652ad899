import { asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { catalogueOrganizations } from "./catalogue.tables.js";

/** A catalogue provider's published facts, as the workspace organisation of that provider takes them over. */
export type CatalogueProviderFacts = {
  refId: string;
  name: string;
  website: string | null;
  email: string | null;
  phone: string | null;
};

/** Every real (non-synthetic) catalogue organisation with its published contact details, by ref_id. */
export async function listCatalogueProviders(db: Database): Promise<CatalogueProviderFacts[]> {
  return db
    .select({
      refId: catalogueOrganizations.refId,
      name: catalogueOrganizations.name,
      website: catalogueOrganizations.website,
      email: catalogueOrganizations.email,
      phone: catalogueOrganizations.phone,
    })
    .from(catalogueOrganizations)
    .where(eq(catalogueOrganizations.synthetic, false))
    .orderBy(asc(catalogueOrganizations.refId));
}
