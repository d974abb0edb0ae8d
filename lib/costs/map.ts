import { createHash } from "node:crypto";
import { geoPath } from "d3-geo";
import type { MultiPolygon, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { z } from "zod";
import atlas from "us-atlas/states-albers-10m.json";
import { usStateSchema, type UsState } from "@/db/enums";
import { STATE_NAMES } from "@/lib/labels";

/**
 * SVG paths of the 50 states and DC, from the pre-projected (Albers USA, 975 × 610) TopoJSON atlas
 * of `us-atlas`, drawn with d3-geo's `geoPath()` (identity projection). Built once per process:
 * the shapes never change, only their colours do.
 *
 * To keep the page light, shared borders (TopoJSON arcs) are thinned to points at least
 * `TOLERANCE_PX` apart before drawing (both neighbours use the same thinned arc, so no gaps open),
 * islands smaller than `MIN_AREA_PX` are left out, and coordinates are rounded to whole pixels.
 */
export const MAP_WIDTH = 975;
export const MAP_HEIGHT = 610;
const TOLERANCE_PX = 1.5;
const MIN_AREA_PX = 2;

const topologySchema = z.object({
  type: z.literal("Topology"),
  transform: z.object({
    scale: z.tuple([z.number(), z.number()]),
    translate: z.tuple([z.number(), z.number()]),
  }),
  arcs: z.array(z.array(z.tuple([z.number(), z.number()]))),
  objects: z.object({
    states: z.object({
      type: z.literal("GeometryCollection"),
      geometries: z.array(
        z
          .object({ type: z.string(), id: z.string(), properties: z.object({ name: z.string() }) })
          .passthrough(),
      ),
    }),
  }),
});

/** Drops points closer than the tolerance to the last kept one; keeps each arc's ends. Delta-encoded in and out. */
function thinArc(arc: [number, number][], scale: [number, number]): [number, number][] {
  let x = 0;
  let y = 0;
  const points = arc.map(([dx, dy]) => [(x += dx), (y += dy)] as [number, number]);
  const kept: [number, number][] = points.slice(0, 1);
  for (let i = 1; i < points.length - 1; i++) {
    const [px, py] = points[i]!;
    const [kx, ky] = kept[kept.length - 1]!;
    if (Math.hypot((px - kx) * scale[0], (py - ky) * scale[1]) >= TOLERANCE_PX) kept.push([px, py]);
  }
  if (points.length > 1) kept.push(points[points.length - 1]!);
  let lx = 0;
  let ly = 0;
  return kept.map(([px, py]) => {
    const d: [number, number] = [px - lx, py - ly];
    lx = px;
    ly = py;
    return d;
  });
}

const byName = new Map<string, UsState>(
  usStateSchema.options.map((code) => [STATE_NAMES[code], code] as [string, UsState]),
);

export type StateShape = { state: UsState; d: string };

let shapes: StateShape[] | undefined;
let bounds: [x0: number, y0: number, x1: number, y1: number] | undefined;

/** Every state's outline as an SVG path, in alphabetical order of USPS code. */
export function stateShapes(): StateShape[] {
  if (shapes) return shapes;
  const topo = topologySchema.parse(atlas);
  const thinned = {
    ...topo,
    arcs: topo.arcs.map((a) => thinArc(a, topo.transform.scale)),
  } as unknown as Topology<{
    states: GeometryCollection<{ name: string }>;
  }>;
  const path = geoPath().digits(0);
  const out: StateShape[] = [];
  for (const f of feature(thinned, thinned.objects.states).features) {
    const state = byName.get(f.properties.name);
    if (!state || !f.geometry) continue;
    let geometry: Polygon | MultiPolygon = f.geometry as Polygon | MultiPolygon;
    if (geometry.type === "MultiPolygon") {
      const parts = geometry.coordinates.filter(
        (coordinates) => path.area({ type: "Polygon", coordinates }) >= MIN_AREA_PX,
      );
      // Keep at least the largest part of a tiny state (DC is a single small polygon anyway).
      if (parts.length > 0) geometry = { type: "MultiPolygon", coordinates: parts };
    }
    const d = path(geometry);
    if (!d) continue;
    out.push({ state, d });
    const [[x0, y0], [x1, y1]] = path.bounds(geometry);
    bounds = bounds
      ? [Math.min(bounds[0], x0), Math.min(bounds[1], y0), Math.max(bounds[2], x1), Math.max(bounds[3], y1)]
      : [x0, y0, x1, y1];
  }
  shapes = out.sort((a, b) => a.state.localeCompare(b.state));
  return shapes;
}

/**
 * The box every state's outline fits in, [left, top, right, bottom], in the map's coordinates. Not
 * quite 0 0 `MAP_WIDTH` `MAP_HEIGHT`: Alaska's westernmost islands lie left of 0.
 */
export function mapBounds(): readonly [number, number, number, number] {
  stateShapes();
  return bounds!;
}

/** Where pages find the state outlines (`app/maps/us-states.svg`); see `mapSpriteHref`. */
const MAP_SPRITE_PATH = "/maps/us-states.svg";

let sprite: { svg: string; version: string } | undefined;

/**
 * Every state's outline in one SVG file, each a `<path id="CA">` with no colour of its own, for pages
 * to draw with `<use href="…#CA">` and colour as they like. The outlines are the same on every
 * page, so a browser fetches them once (the file is cached for good under a versioned address)
 * instead of every page view carrying about 50 KB of path data twice (in the HTML and in its
 * React payload).
 */
export function mapSprite(): { svg: string; version: string } {
  if (sprite) return sprite;
  const paths = stateShapes()
    .map(({ state, d }) => `<path id="${state}" d="${d}"/>`)
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}"><defs>${paths}</defs></svg>`;
  sprite = { svg, version: createHash("sha256").update(svg).digest("hex").slice(0, 12) };
  return sprite;
}

/** The address of one state's outline in the sprite, versioned by its content. */
export function mapSpriteHref(state: UsState): string {
  return `${MAP_SPRITE_PATH}?v=${mapSprite().version}#${state}`;
}
