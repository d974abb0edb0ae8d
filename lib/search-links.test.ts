import { describe, expect, it } from "vitest";
import { clinicSearchHref } from "./search-links";

describe("clinicSearchHref", () => {
  it("builds filtered search links in a fixed order", () => {
    expect(clinicSearchHref({ followUp24h: true, integration: "included" })).toBe(
      "/clinics?integration=included&followUp24h=true",
    );
    expect(clinicSearchHref({ onCallHours: "always", onCall: "nurse" })).toBe(
      "/clinics?onCall=nurse&onCallHours=always",
    );
    expect(clinicSearchHref({ maxCourse: 5000, maxSessionPrice: 500, route: "esketamine_nasal" })).toBe(
      "/clinics?maxSessionPrice=500&maxCourse=5000&route=esketamine_nasal",
    );
    expect(clinicSearchHref({})).toBe("/clinics");
  });

  it("refuses amounts that are not whole dollars above zero", () => {
    expect(() => clinicSearchHref({ maxCourse: 0 })).toThrow(RangeError);
    expect(() => clinicSearchHref({ maxSessionPrice: 499.5 })).toThrow(RangeError);
  });
});
