import { describe, expect, it } from "vitest";
import { distanceMeters, METERS_PER_MILE, nearestZip, zipToPoint } from "./geo";

describe("nearestZip", () => {
  it("finds the ZIP code whose point is nearest", () => {
    const austin = zipToPoint("78701")!;
    expect(nearestZip(austin.lat, austin.lng)?.zip).toBe("78701");
    // A point a little off a ZIP point still lands on a ZIP code close by.
    const near = nearestZip(austin.lat + 0.01, austin.lng - 0.01)!;
    expect(distanceMeters(near.lat, near.lng, austin.lat + 0.01, austin.lng - 0.01)).toBeLessThan(
      5 * METERS_PER_MILE,
    );
    expect(near.state).toBe("TX");
  });

  it("answers nothing far from every US ZIP code (Canada's codes are not US places)", () => {
    expect(nearestZip(51.5, -0.12)).toBeUndefined(); // London
    expect(nearestZip(43.65, -79.38, 10)).toBeUndefined(); // Toronto: Canadian codes are skipped
    expect(nearestZip(0, 0)).toBeUndefined();
  });
});
