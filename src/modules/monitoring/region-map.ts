import { readFileSync } from "node:fs";
import { geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { merge } from "topojson-client";
import { topology } from "topojson-server";
import type { GeometryCollection, Topology } from "topojson-specification";
import { dataFolder } from "../../db/data-files.js";

export const MAP_WIDTH = 420;
export const MAP_HEIGHT = 480;

export type RegionShape = { code: string; d: string };
export type RegionMapGeometry = { width: number; height: number; shapes: RegionShape[] };

type MunicipalityProperties = { gm_code: string };

let cached: RegionMapGeometry | undefined;

/**
 * SVG path data for each of the 30 regions: the 2025 municipality shapes dissolved per region (topojson merge, so
 * shared borders vanish) and projected with Mercator to fit the map box. Geometry does not change while the process
 * runs, so it is computed once and kept.
 */
export function regionMapGeometry(
  regionOfMunicipality: (gmCode: string) => string | undefined,
): RegionMapGeometry {
  if (cached) return cached;
  const collection = JSON.parse(
    readFileSync(`${dataFolder}reference/geo/nl_gemeenten_2025.geojson`, "utf8"),
  ) as FeatureCollection<Polygon | MultiPolygon, MunicipalityProperties>;
  // The file follows RFC 7946 (counter-clockwise outer rings); d3-geo expects the opposite on the sphere.
  for (const feature of collection.features) rewind(feature);
  const topo = topology({ municipalities: collection }) as unknown as Topology<{
    municipalities: GeometryCollection<MunicipalityProperties>;
  }>;
  const geometries = topo.objects.municipalities.geometries;
  const projection = geoMercator().fitSize([MAP_WIDTH, MAP_HEIGHT], collection);
  const path = geoPath(projection).digits(1);
  const byRegion = new Map<string, typeof geometries>();
  for (const geometry of geometries) {
    const region = regionOfMunicipality((geometry.properties as MunicipalityProperties).gm_code);
    if (!region) continue;
    byRegion.set(region, [...(byRegion.get(region) ?? []), geometry]);
  }
  const shapes = [...byRegion.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, members]) => ({ code, d: path(merge(topo, members as never)) ?? "" }));
  cached = { width: MAP_WIDTH, height: MAP_HEIGHT, shapes };
  return cached;
}

function rewind(feature: Feature<Polygon | MultiPolygon>) {
  const polygons: Position[][][] =
    feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  for (const polygon of polygons) for (const ring of polygon) ring.reverse();
}
