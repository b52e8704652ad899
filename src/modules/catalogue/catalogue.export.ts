import type { Lang } from "../../i18n/index.js";
import { toCsv } from "../../web/csv.js";
import type { AbsoluteUrl } from "../../web/links.js";
import {
  PROFILE_PATH,
  toHsdsOrganization,
  toHsdsService,
  toOrganizationRecord,
  toRecord,
} from "./catalogue.hsds.js";
import { CSV_COLUMNS, recordToCsvRow } from "./catalogue.schemas.js";
import type { CatalogueService } from "./catalogue.service.js";

/** All instruments as CSV in the import's columns, so an export can be imported again unchanged. */
export async function exportCsv(
  service: CatalogueService,
  options: { includeSynthetic?: boolean } = {},
): Promise<string> {
  const { instruments, providerRef } = await load(service, { ...options, recorded: true });
  // The shared CSV writer escapes formula-like cells; the import reads them back (unescapeCsvFormula).
  return toCsv(
    CSV_COLUMNS,
    instruments.map((row) => {
      const record = recordToCsvRow(toRecord(row, providerRef.get(row.organizationId) ?? ""));
      return CSV_COLUMNS.map((column) => record[column]);
    }),
    { bom: false },
  );
}

/** The exchange JSON ({organizations, instruments}), the import's own format. */
export async function exportJson(service: CatalogueService, options: { includeSynthetic?: boolean } = {}) {
  const { instruments, organizations, providerRef } = await load(service, { ...options, recorded: true });
  return {
    organizations: organizations.map(toOrganizationRecord),
    instruments: instruments.map((row) => toRecord(row, providerRef.get(row.organizationId) ?? "")),
  };
}

/** All organizations and services as HSDS 3.0 JSON with the profile fields; links on the public origin. */
export async function exportHsds(
  service: CatalogueService,
  options: { lang?: Lang; absoluteUrl: AbsoluteUrl; includeSynthetic?: boolean },
) {
  const lang = options.lang ?? "nl";
  const { instruments, organizations } = await load(service, options);
  const byId = new Map(organizations.map((row) => [row.id, row]));
  return {
    hsds_version: "3.0",
    profile: options.absoluteUrl(PROFILE_PATH),
    organizations: organizations.map((row) => toHsdsOrganization(row, lang)),
    services: instruments.map((row) =>
      toHsdsService(row, byId.get(row.organizationId), lang, options.absoluteUrl),
    ),
  };
}

/**
 * The instruments with their organisations. The HSDS export shows each status as of today (statusOn); the JSON and
 * CSV exports are the import's input, so they carry the status as recorded, and a re-import changes nothing.
 */
async function load(service: CatalogueService, options: { includeSynthetic?: boolean; recorded?: boolean }) {
  const list = options.recorded ? service.listRecordedInstruments : service.listInstruments;
  const [instruments, organizations] = await Promise.all([
    list({ includeSynthetic: options.includeSynthetic }),
    service.listOrganizations({ includeSynthetic: true }),
  ]);
  const used = new Set(instruments.map((row) => row.organizationId));
  const providerRef = new Map(organizations.map((row) => [row.id, row.refId]));
  return { instruments, organizations: organizations.filter((row) => used.has(row.id)), providerRef };
}
