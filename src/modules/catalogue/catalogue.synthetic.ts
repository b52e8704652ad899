import { JOURNEY_STEPS, type Kind, PHASES, R_STRATEGIES, SIZE_CLASSES, THEMES } from "../vocabulary/index.js";
import type { InstrumentInput, OrganizationRecord } from "./catalogue.schemas.js";
import { ALLOCATIONS } from "./catalogue.vocabulary.js";

/**
 * Synthetic instruments for load tests and benchmarks only (ref_id prefix "synthetic-", flagged in the database):
 * Dutch and English texts composed from domain vocabulary, spread over all provinces, regions and municipalities.
 * Deterministic for a given seed. Never part of the curated catalogue.
 */
export type SyntheticGeography = {
  provinces: { code: string; name: string }[];
  regions: { code: string; name: string }[];
  municipalities: { code: string; name: string }[];
};

const TOPICS: [string, string][] = [
  ["textielrecycling", "textile recycling"],
  ["reststromen", "residual streams"],
  ["hergebruik van kunststof", "plastics reuse"],
  ["circulair productontwerp", "circular product design"],
  ["biobased bouwmaterialen", "bio-based building materials"],
  ["herbruikbare verpakkingen", "reusable packaging"],
  ["reparatie van elektronica", "electronics repair"],
  ["voedselverspilling", "food waste"],
  ["houtrecycling", "wood recycling"],
  ["betonhergebruik", "concrete reuse"],
  ["grondstoffenpaspoort", "materials passport"],
  ["retourlogistiek", "reverse logistics"],
  ["refurbishment van machines", "machine refurbishment"],
  ["deelplatforms", "sharing platforms"],
  ["modulair bouwen", "modular construction"],
  ["circulair inkopen", "circular procurement"],
  ["product als dienst", "product as a service"],
  ["afvalscheiding op de werkvloer", "waste separation at work"],
  ["metaalrecycling", "metal recycling"],
  ["meubelhergebruik", "furniture reuse"],
  ["kringlooplandbouw", "circular agriculture"],
  ["duurzame materialen", "sustainable materials"],
  ["levensduurverlenging", "life extension"],
  ["ketensamenwerking", "chain collaboration"],
  ["haalbaarheidsstudies", "feasibility studies"],
];

const KIND_NAMES: Partial<Record<Kind, [string, string]>> = {
  subsidy: ["Subsidie", "Grant"],
  voucher: ["Voucher", "Voucher"],
  advice: ["Adviestraject", "Advice programme"],
  network: ["Netwerk", "Network"],
  training: ["Masterclass", "Masterclass"],
  programme: ["Programma", "Programme"],
  information: ["Kennisdossier", "Knowledge file"],
  tool: ["Zelfscan", "Self-assessment"],
  event: ["Inspiratiedag", "Inspiration day"],
  finance: ["Lening", "Loan"],
};
const KINDS = Object.keys(KIND_NAMES) as Kind[];
const AUDIENCES: [string, string][] = [
  ["mkb-bedrijven in de maakindustrie", "manufacturing SMEs"],
  ["bouwbedrijven en installateurs", "construction and installation firms"],
  ["groothandels en winkels", "wholesalers and shops"],
  ["agrarische ondernemers", "farming businesses"],
  ["zzp'ers en kleine bedrijven", "freelancers and small businesses"],
  ["bedrijven in de logistiek", "logistics companies"],
];

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generates `count` synthetic instruments and their providers. */
export function generateSyntheticCatalogue(count: number, geography: SyntheticGeography, seed = 20_261_127) {
  const next = random(seed);
  const pickOne = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const some = <T>(items: readonly T[], min: number, max: number): T[] => {
    const wanted = min + Math.floor(next() * (max - min + 1));
    const chosen = new Set<T>();
    while (chosen.size < Math.min(wanted, items.length)) chosen.add(pickOne(items));
    return items.filter((item) => chosen.has(item));
  };
  const organizations: OrganizationRecord[] = geography.provinces.map((province, index) => ({
    id: `synthetic-org-${index + 1}`,
    name: `Synthetische aanbieder ${province.name}`,
    alternate_name: null,
    description: {
      nl: `Fictieve aanbieder voor tests in ${province.name}.`,
      en: `Fictitious provider for tests in ${province.name}.`,
    },
    website: null,
    email: null,
    phone: null,
    kind: "government",
  }));
  const instruments: InstrumentInput[] = [];
  for (let n = 1; n <= count; n++) {
    const kind = pickOne(KINDS);
    const [topicNl, topicEn] = pickOne(TOPICS);
    const [audienceNl, audienceEn] = pickOne(AUDIENCES);
    const roll = next();
    const level =
      roll < 0.2 ? "national" : roll < 0.55 ? "province" : roll < 0.85 ? "res_region" : "municipality";
    const area =
      level === "province"
        ? pickOne(geography.provinces)
        : level === "res_region"
          ? pickOne(geography.regions)
          : level === "municipality"
            ? pickOne(geography.municipalities)
            : { code: "NL", name: "Nederland" };
    const [kindNl, kindEn] = KIND_NAMES[kind]!;
    const money = kind === "subsidy" || kind === "voucher" || kind === "finance";
    const year = 2024 + Math.floor(next() * 3);
    const month = 1 + Math.floor(next() * 12);
    const open = `${year}-${String(month).padStart(2, "0")}-01`;
    const close = `${year}-${String(month).padStart(2, "0")}-28`;
    const status = pickOne([
      "open",
      "open",
      "doorlopend",
      "doorlopend",
      "gesloten",
      "verwacht",
      "historisch",
    ] as const);
    const place = level === "national" ? "" : ` ${area.name}`;
    instruments.push({
      ref_id: `synthetic-${n}`,
      slug: `synthetic-${n}`,
      name: { nl: `${kindNl} ${topicNl}${place}`, en: `${kindEn}: ${topicEn}${place}` },
      provider_id: pickOne(organizations).id,
      partners: [],
      kind,
      summary: {
        nl: `${kindNl} voor ${audienceNl} die werken aan ${topicNl}${place ? ` in${place}` : ""}.`,
        en: `${kindEn} for ${audienceEn} working on ${topicEn}${place ? ` in${place}` : ""}.`,
      },
      description: {
        nl: `Met deze ${kindNl.toLowerCase()} krijgt u hulp bij ${topicNl}. U bespaart grondstoffen en kosten en werkt samen met andere ondernemers in de keten. Dit is een fictief instrument voor tests.`,
        en: `With this ${kindEn.toLowerCase()} you get help with ${topicEn}. You save raw materials and costs and work with other businesses in the chain. This is a fictitious instrument for tests.`,
      },
      audience: { nl: `Voor ${audienceNl}.`, en: `For ${audienceEn}.` },
      benefit: money
        ? { nl: "U krijgt een bijdrage in uw kosten.", en: "You receive a contribution to your costs." }
        : { nl: "U krijgt kennis, advies en contacten.", en: "You get knowledge, advice and contacts." },
      conditions: { nl: "U bent een mkb-bedrijf.", en: "You are a small or medium-sized business." },
      how_to_apply: { nl: "Meld u aan via de aanbieder.", en: "Sign up with the provider." },
      journey_steps: some(JOURNEY_STEPS, 1, 2),
      phases: some(PHASES, 1, 3),
      themes: some(THEMES, 1, 3),
      r_strategies: some(R_STRATEGIES, 1, 3),
      sbi_sections: [],
      sbi_divisions: [],
      coverage: { level, codes: [area.code] },
      size_classes: some(SIZE_CLASSES, 1, 4),
      money: money
        ? {
            amount_min: null,
            amount_max: 5000 * (1 + Math.floor(next() * 20)),
            percentage: pickOne([25, 40, 50, 75]),
            pot: 100_000 * (1 + Math.floor(next() * 50)),
            pot_year: year,
            window_open: open,
            window_close: close,
            allocation: pickOne(ALLOCATIONS),
          }
        : undefined,
      status,
      last_verified: `2025-${String(1 + Math.floor(next() * 12)).padStart(2, "0")}-15`,
      keywords: { nl: [topicNl], en: [topicEn] },
    });
  }
  return { organizations, instruments };
}
