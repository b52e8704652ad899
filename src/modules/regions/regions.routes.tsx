import { Hono } from "hono";
import type { AppEnv } from "../../web/context.js";
import { notFound } from "../../web/errors.js";
import { pageContext, renderPage } from "../../web/render.js";
import {
  checkPlaceField,
  municipalityPickerOptions,
  type PlaceChoiceModel,
  placeChoiceParam,
  placeNote,
} from "./regions.place-field.js";
import { type Geography, groupRegionsByProvince } from "./regions.service.js";
import type { LoketViewModel } from "./views/loket-card.js";
import { RegionPage, type RegionStatusModel } from "./views/region-page.js";
import { RegionsPage } from "./views/regions-page.js";

export type RegionsRouteDeps = {
  geography: Geography;
  /** The loket of a region, or the national fallback: the referrals module supplies it (`loketFor`, ADR 0081). */
  loketFor: (regionCode: string, lang: "nl" | "en") => Promise<LoketViewModel>;
  /** The provinces without a usable or expected provincial or regional scheme; the monitoring module supplies it. */
  provincesWithoutOwnInstrument?: () => Promise<{ code: string }[]>;
  /**
   * The region's star level and what is missing, its gaps and regional offer (the monitoring module), its upcoming
   * events and practice examples (the knowledge module), in words of the language (ADR 0089).
   */
  regionStatus?: (regionCode: string, lang: "nl" | "en") => Promise<RegionStatusModel | undefined>;
};

/** /regio and /regio/{code}. */
export function regionsRoutes({
  geography,
  loketFor,
  provincesWithoutOwnInstrument,
  regionStatus,
}: RegionsRouteDeps) {
  // One list for every request: the picker renders its 342 options once per list (views/municipality-picker).
  const municipalityOptions = municipalityPickerOptions(geography);
  return new Hono<AppEnv>()
    .get("/regio", (c) => {
      const lang = c.get("lang");
      const typed = c.req.query("gemeente");
      let problems: { field: string; message: string }[] = [];
      let choice: PlaceChoiceModel | undefined;
      if (typed !== undefined) {
        const checked = checkPlaceField(
          geography,
          lang,
          "gemeente",
          typed,
          c.req.query(placeChoiceParam("gemeente")),
        );
        if (checked.ok) {
          const { municipality, placeName } = checked;
          const query = new URLSearchParams({ gemeente: municipality.code });
          if (placeName) query.set("plaats", placeName);
          return c.redirect(`/regio/${municipality.regionCode}?${query}#${municipality.code}`, 303);
        }
        problems = [{ field: "gemeente", message: checked.problem }];
        choice = checked.choice;
      }
      const groups = groupRegionsByProvince(geography).map((group) => ({
        provinceName: group.province.name,
        regions: group.regions.map((region) => ({
          code: region.code,
          name: region.name,
          municipalityCount: region.municipalityCodes.length,
          alsoIn: region.sharedWith.map((province) => province.name),
        })),
      }));
      return renderPage(
        c,
        <RegionsPage
          page={pageContext(c)}
          model={{ groups, municipalities: municipalityOptions, pickerValue: typed, problems, choice }}
        />,
        problems.length ? 400 : 200,
      );
    })
    .get("/regio/:code", async (c) => {
      const code = c.req.param("code");
      const region = geography.region(code);
      if (!region) throw notFound("region");
      if (code !== region.code) return c.redirect(`/regio/${region.code}`, 301);
      const lang = c.get("lang");
      const highlighted = geography.municipality(c.req.query("gemeente") ?? "");
      const [loket, status] = await Promise.all([
        loketFor(region.code, lang),
        regionStatus?.(region.code, lang),
      ]);
      const model = {
        code: region.code,
        name: region.name,
        provinces: region.provinceCodes.map((provinceCode) => {
          const province = geography.province(provinceCode)!;
          return { code: province.code, name: province.name };
        }),
        municipalities: region.municipalityCodes
          .map((municipalityCode) => geography.municipality(municipalityCode)!)
          .map((municipality) => ({
            code: municipality.code,
            name: municipality.name,
            highlighted: municipality.code === highlighted?.code,
          })),
        highlightedMunicipality: highlighted?.regionCode === region.code ? highlighted.name : undefined,
        placeNote:
          highlighted?.regionCode === region.code
            ? placeNote(geography, lang, c.req.query("plaats"), highlighted.code)
            : undefined,
        loket,
        status,
        provincesWithoutOwn: ((await provincesWithoutOwnInstrument?.()) ?? [])
          .filter((province) => region.provinceCodes.includes(province.code))
          .map((province) => geography.province(province.code)!.name),
      };
      return renderPage(c, <RegionPage page={pageContext(c)} model={model} />);
    });
}
