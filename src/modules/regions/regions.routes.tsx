import { Hono } from "hono";
import { format } from "../../i18n/index.js";
import type { AppEnv } from "../../web/context.js";
import { notFound } from "../../web/errors.js";
import { pageContext, renderPage } from "../../web/render.js";
import { regionsMessages } from "./regions.messages.js";
import { type Geography, groupRegionsByProvince } from "./regions.service.js";
import { type LoketViewModel, RegionPage } from "./views/region-page.js";
import { RegionsPage } from "./views/regions-page.js";

export type RegionsRouteDeps = {
  geography: Geography;
  /** Finds the loket for a region; the referrals module supplies hubs, until then the national fallback. */
  loketFor?: (regionCode: string, lang: "nl" | "en") => Promise<LoketViewModel | undefined>;
};

/** /regio and /regio/{code}. */
export function regionsRoutes({ geography, loketFor }: RegionsRouteDeps) {
  // One list for every request: the picker renders its 342 options once per list (views/municipality-picker).
  const municipalityOptions = geography.municipalities.map(({ code, name }) => ({ code, name }));
  return new Hono<AppEnv>()
    .get("/regio", (c) => {
      const t = regionsMessages[c.get("lang")];
      const typed = c.req.query("gemeente");
      let problems: { field: string; message: string }[] = [];
      if (typed !== undefined) {
        const municipality = geography.findMunicipalityByName(typed);
        if (municipality)
          return c.redirect(
            `/regio/${municipality.regionCode}?gemeente=${municipality.code}#${municipality.code}`,
            303,
          );
        problems = [
          {
            field: "gemeente",
            message: typed.trim() ? format(t.pickerUnknown, { name: typed.trim() }) : t.pickerEmpty,
          },
        ];
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
          model={{ groups, municipalities: municipalityOptions, pickerValue: typed, problems }}
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
      const t = regionsMessages[c.get("lang")];
      const highlighted = geography.municipality(c.req.query("gemeente") ?? "");
      const loket = (await loketFor?.(region.code, lang)) ?? {
        name: t.fallbackLoketName,
        description: t.fallbackLoketBody,
        href: "/aanbod/vh-maatwerkondersteuning",
        linkText: t.fallbackLoketLink,
        isNationalFallback: true,
      };
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
        loket,
      };
      return renderPage(c, <RegionPage page={pageContext(c)} model={model} />);
    });
}
