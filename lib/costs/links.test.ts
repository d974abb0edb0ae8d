import { describe, expect, it } from "vitest";
import { clinicSearchHref, costsHref, stateFromParam } from "./links";

describe("cost page links", () => {
  it("reads only lowercase USPS codes of the 50 states and DC", () => {
    expect(stateFromParam("ca")).toBe("CA");
    expect(stateFromParam("dc")).toBe("DC");
    for (const bad of ["CA", "Ca", "zz", "pr", "", "california", "ca "])
      expect(stateFromParam(bad)).toBeNull();
  });

  it("builds search links with the search page's parameter names, prices in whole dollars", () => {
    expect(clinicSearchHref({})).toBe("/clinics");
    expect(
      clinicSearchHref({
        state: "CA",
        city: "San Luis Obispo",
        route: "iv_infusion",
        integration: "included",
        followUp24h: true,
        groups: "any",
        onCall: true,
        accepting: true,
        maxSessionPriceCents: 63_750,
      }),
    ).toBe(
      "/clinics?state=CA&city=San+Luis+Obispo&route=iv_infusion&integration=included&followUp24h=true&groups=any&onCall=true&accepting=true&maxSessionPrice=638",
    );
    expect(costsHref()).toBe("/costs");
    expect(costsHref("NY", "new-york")).toBe("/costs/ny/new-york");
  });
});
