import { describe, expect, it } from "vitest";
import { US_STATES } from "@/db/enums";
import { MAP_HEIGHT, MAP_WIDTH, mapBounds, mapSprite, mapSpriteHref, stateShapes } from "./map";

describe("stateShapes", () => {
  // Projecting every outline takes about a second alone; on the shared 2-core machine it took 7 s.
  it("draws every state and DC once, inside the map, in a light enough path", { timeout: 30_000 }, () => {
    const shapes = stateShapes();
    expect(shapes.map((s) => s.state)).toEqual([...US_STATES].sort());
    let total = 0;
    for (const { d } of shapes) {
      expect(d).toMatch(/^M/);
      total += d.length;
      for (const [, x, y] of d.matchAll(/(-?\d+),(-?\d+)/g)) {
        // the atlas's Aleutian islands reach x ≈ −58, just outside the 975 × 610 frame
        expect(Number(x)).toBeGreaterThanOrEqual(-60);
        expect(Number(x)).toBeLessThanOrEqual(MAP_WIDTH + 1);
        expect(Number(y)).toBeGreaterThanOrEqual(-1);
        expect(Number(y)).toBeLessThanOrEqual(MAP_HEIGHT + 1);
      }
    }
    expect(total).toBeLessThan(60_000);
  });

  it("gives the box every outline fits in, Alaska's islands included", () => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const { d } of stateShapes())
      for (const [, x, y] of d.matchAll(/(-?\d+),(-?\d+)/g)) {
        xs.push(Number(x));
        ys.push(Number(y));
      }
    const [x0, y0, x1, y1] = mapBounds();
    // The paths are rounded to whole pixels; the box is not.
    expect(Math.abs(Math.min(...xs) - x0)).toBeLessThanOrEqual(1);
    expect(Math.abs(Math.min(...ys) - y0)).toBeLessThanOrEqual(1);
    expect(Math.abs(Math.max(...xs) - x1)).toBeLessThanOrEqual(1);
    expect(Math.abs(Math.max(...ys) - y1)).toBeLessThanOrEqual(1);
    expect(x0).toBeLessThan(-50);
  });
});

describe("mapSprite", () => {
  it("holds every outline once, by state code, uncoloured, under a version that follows the content", () => {
    const { svg, version } = mapSprite();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 975 610"><defs>/);
    for (const state of US_STATES) expect(svg.split(`<path id="${state}" d="M`).length).toBe(2);
    expect(svg).not.toContain("fill");
    expect(version).toMatch(/^[0-9a-f]{12}$/);
    expect(mapSpriteHref("CA")).toBe(`/maps/us-states.svg?v=${version}#CA`);
  });
});
