import { describe, expect, it } from "vitest";
import { distanceMeters, METERS_PER_MILE, type Circle } from "@/db/geo";
import { circleBox, type Box } from "./geo";

const inBox = (b: Box, lat: number, lng: number) =>
  lat >= b.minLat && lat <= b.maxLat && b.lng.some(([lo, hi]) => lng >= lo && lng <= hi);

/** A point `meters` from (lat, lng) on a bearing (spherical "destination point"). */
function destination(c: Circle, bearingDeg: number): { lat: number; lng: number } {
  const rad = Math.PI / 180;
  const d = c.meters / 6_371_000;
  const b = bearingDeg * rad;
  const lat1 = c.lat * rad;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
  const lng2 =
    c.lng * rad +
    Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  const lng = ((((lng2 / rad + 180) % 360) + 360) % 360) - 180;
  return { lat: lat2 / rad, lng };
}

describe("geo", () => {
  it("measures great-circle distance", () => {
    // Chicago (60614) to New York (10001): about 1,150 km.
    expect(distanceMeters(41.92, -87.65, 40.75, -73.99) / 1000).toBeCloseTo(1150, -1);
    expect(distanceMeters(40, -100, 40, -100)).toBe(0);
    expect(distanceMeters(0, 0, 0, 1)).toBeCloseTo((6371 * 1000 * Math.PI) / 180, 3);
  });

  it.each<Circle>([
    { lat: 41.92, lng: -87.65, meters: 25 * METERS_PER_MILE },
    { lat: 61.2, lng: -149.9, meters: 500 * METERS_PER_MILE }, // Anchorage: wide in longitude
    { lat: 19.7, lng: -155.1, meters: 1 * METERS_PER_MILE },
  ])("holds the whole circle in its box: %o", (c) => {
    const box = circleBox(c);
    for (let bearing = 0; bearing < 360; bearing += 1) {
      const p = destination({ ...c, meters: c.meters * 0.999999 }, bearing);
      expect(inBox(box, p.lat, p.lng)).toBe(true);
    }
    // …and is not much bigger: points 1% outside the circle on the axes are outside the box.
    for (const bearing of [0, 180]) {
      const p = destination({ ...c, meters: c.meters * 1.01 }, bearing);
      expect(inBox(box, p.lat, p.lng)).toBe(false);
    }
  });

  it("splits the box at the 180° meridian", () => {
    const box = circleBox({ lat: 51.88, lng: -176.64, meters: 500 * METERS_PER_MILE }); // Adak, Alaska
    expect(box.lng).toHaveLength(2);
    expect(inBox(box, 51.9, 179.5)).toBe(true);
    expect(inBox(box, 51.9, -170)).toBe(true);
    expect(inBox(box, 51.9, 0)).toBe(false);
  });

  it("spans every longitude when the circle holds a pole", () => {
    const box = circleBox({ lat: 89, lng: 10, meters: 300_000 });
    expect(box.maxLat).toBe(90);
    expect(box.lng).toEqual([[-180, 180]]);
  });
});
