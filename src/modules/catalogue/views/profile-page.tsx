import { Heading, Link, Paragraph, Table } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import { TAXONOMIES } from "../catalogue.hsds.js";
import { label } from "../catalogue.vocabulary.js";

/** The profile fields we add to HSDS 3.0 services; docs/api-profile.md says the same for developers. */
const PROFILE_FIELDS: { name: string; nl: string; en: string }[] = [
  {
    name: "ref_id",
    nl: "Vaste externe sleutel van het instrument; verandert nooit.",
    en: "Stable external key of the instrument; never changes.",
  },
  {
    name: "slug",
    nl: "Deel van het webadres /aanbod/{slug}.",
    en: "Part of the web address /aanbod/{slug}.",
  },
  { name: "page_url", nl: "De pagina over dit instrument.", en: "The page about this instrument." },
  { name: "kind", nl: "Soort instrument (taxonomie kind).", en: "Kind of instrument (taxonomy kind)." },
  {
    name: "status_detail",
    nl: "Onze status op de dag van vandaag: open, doorlopend, verwacht (een terugkerende regeling tussen twee rondes; expected_window geeft de verwachte maand), gesloten of historisch. HSDS status is daarvan afgeleid: open en doorlopend zijn active, verwacht is temporarily closed, gesloten is inactive, historisch is defunct.",
    en: "Our status as of today: open, doorlopend (ongoing), verwacht (expected: a recurring scheme between two rounds; expected_window gives the expected month), gesloten (closed) or historisch (historical). HSDS status is derived from it: open and doorlopend are active, verwacht is temporarily closed, gesloten is inactive, historisch is defunct.",
  },
  {
    name: "last_verified",
    nl: "Datum waarop de gegevens voor het laatst zijn gecontroleerd (ook in assured_date).",
    en: "Date the data was last checked (also in assured_date).",
  },
  {
    name: "journey_steps",
    nl: "Klantreisstappen (taxonomie journey_step).",
    en: "Customer journey steps (taxonomy journey_step).",
  },
  { name: "phases", nl: "Fasen van het bedrijf (taxonomie phase).", en: "Company phases (taxonomy phase)." },
  { name: "themes", nl: "Circulaire thema's (taxonomie theme).", en: "Circular themes (taxonomy theme)." },
  { name: "r_strategies", nl: "R-ladder strategieën R0–R9.", en: "R-ladder strategies R0–R9." },
  {
    name: "sbi_sections",
    nl: "SBI-secties (letters) waarvoor het instrument bedoeld is; leeg is alle sectoren.",
    en: "SBI sections (letters) the instrument is meant for; empty means all sectors.",
  },
  {
    name: "sbi_divisions",
    nl: "SBI-afdelingen (twee cijfers) die een genoemde sectie beperken tot een deel ervan, zoals 22 (rubber en kunststof) binnen C; leeg is de hele sectie.",
    en: "SBI divisions (two digits) that narrow a listed section to part of it, such as 22 (rubber and plastics) within C; empty means the whole section.",
  },
  {
    name: "coverage",
    nl: "Waar het geldt: level (eu, national, province, res_region, municipality) en codes (CBS PV/GM, RES ES).",
    en: "Where it applies: level (eu, national, province, res_region, municipality) and codes (CBS PV/GM, RES ES).",
  },
  {
    name: "size_classes",
    nl: "Bedrijfsgroottes: micro, klein, middel, groot.",
    en: "Company sizes: micro, klein (small), middel (medium), groot (large).",
  },
  {
    name: "consortium_rules",
    nl: "Regels voor samenwerking, als tekst.",
    en: "Rules for consortia, as text.",
  },
  {
    name: "money",
    nl: "amount_min, amount_max, percentage, pot, pot_year, window_open, window_close, allocation (first_come, tender, continuous).",
    en: "amount_min, amount_max, percentage, pot, pot_year, window_open, window_close, allocation (first_come, tender, continuous).",
  },
  {
    name: "evidence",
    nl: "Wat bekend is over het effect, met bron.",
    en: "What is known about the effect, with its source.",
  },
  { name: "partners", nl: "Organisaties die meewerken.", en: "Partner organisations." },
  {
    name: "synthetic",
    nl: "Altijd false in de echte catalogus; true alleen in testdatabases.",
    en: "Always false in the real catalogue; true only in test databases.",
  },
  {
    name: "translations",
    nl: "De belangrijkste teksten in de andere taal.",
    en: "The main texts in the other language.",
  },
];

/** /api/profile: the page our HSDS profile URI points at. */
export const ProfilePage = ({ page }: { page: PageContext }) => {
  const english = page.lang === "en";
  const title = english ? "HSDS profile of Circulair Loket" : "HSDS-profiel van Circulair Loket";
  return (
    <Layout page={page} title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph lead>
        {english
          ? "Our API follows Open Referral HSDS 3.0. Every service is a valid HSDS service with these extra fields."
          : "Onze API volgt Open Referral HSDS 3.0. Elke service is een geldige HSDS-service met deze extra velden."}
      </Paragraph>
      <Paragraph>
        <Link href="/api/docs">{english ? "All endpoints" : "Alle endpoints"}</Link>
      </Paragraph>
      <Table
        caption={english ? "Profile fields" : "Profielvelden"}
        headers={[english ? "Field" : "Veld", english ? "Meaning" : "Betekenis"]}
      >
        {PROFILE_FIELDS.map((field) => (
          <tr class="utrecht-table__row">
            <td class="utrecht-table__cell cl-code">{field.name}</td>
            <td class="utrecht-table__cell">{english ? field.en : field.nl}</td>
          </tr>
        ))}
      </Table>
      <Heading level={2}>{english ? "Taxonomies" : "Taxonomieën"}</Heading>
      {TAXONOMIES.map((taxonomy) => (
        <section aria-labelledby={`taxonomy-${taxonomy.key}`}>
          <Heading level={3} id={`taxonomy-${taxonomy.key}`}>
            {taxonomy.name[page.lang]} <span class="cl-code">({taxonomy.key})</span>
          </Heading>
          <ul class="cl-plain-list">
            {taxonomy.values.map((value) => (
              <li>
                <span class="cl-code">{value}</span> — {label(taxonomy.labels, value, page.lang)}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
};
