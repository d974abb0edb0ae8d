import { describe, expect, it } from "vitest";
import {
  combined,
  countsFromDistribution,
  FACETS,
  filterGroups,
  idleFacets,
  resolveGroups,
  toMeiliFilter,
  UnsafeFilterError,
  type Cond,
} from "./filters";
import { parseLenient, parseSearchQuery } from "./query";
import { FILTERABLE_ATTRIBUTES, GEO_FILTER_ATTRIBUTES } from "./settings";

const query = (qs: string) => parseLenient(new URLSearchParams(qs)).query;
const filterOf = (qs: string) => {
  const c = combined(filterGroups(query(qs)));
  return c && toMeiliFilter(c);
};

describe("filter builder", () => {
  it("builds nothing for no filters", () => {
    expect(filterOf("q=calm&sort=price&page=2")).toBeUndefined();
  });

  it("ORs values inside a parameter and ANDs parameters", () => {
    expect(filterOf("route=iv_infusion&route=oral&followUp24h=true&maxSessionPrice=500")).toBe(
      '(routes IN ["iv_infusion", "oral"] AND followUp24h = true AND sessionPrice <= 500)',
    );
  });

  it("combines a place with online care in the same state as either/or", () => {
    expect(filterOf("state=IL&city=Chicago&telehealthIn=IL")).toBe(
      '((state = "IL" AND city = "Chicago") OR telehealthStates = "IL")',
    );
  });

  it("asks for a radius as its bounding box less the listings in the box's corners", async () => {
    const groups = filterGroups(query("zip=60614&radius=10"));
    expect(() => toMeiliFilter(groups[0]!.cond)).toThrow(/resolveGeo/);
    const [place] = await resolveGroups(groups, async () => ["a-1", "b-2"]);
    expect(toMeiliFilter(place!.cond)).toMatch(
      /^\(lat >= 41\.\d{9} AND lat <= 42\.\d{9} AND lng >= -87\.\d{9} AND lng <= -87\.\d{9} AND NOT id IN \["a-1", "b-2"\]\)$/,
    );
    const [none] = await resolveGroups(groups, async () => []);
    expect(toMeiliFilter(none!.cond)).not.toContain("NOT id IN");
  });

  it("refuses a corner id that is not a plain token", async () => {
    const [place] = await resolveGroups(filterGroups(query("zip=60614")), async () => ['x"] OR id EXISTS']);
    expect(() => toMeiliFilter(place!.cond)).toThrow(UnsafeFilterError);
  });

  it("maps the choices that stand for several stored values", () => {
    expect(filterOf("groups=in_person")).toBe('supportGroups IN ["in_person", "both"]');
    expect(filterOf("onCall=true")).toBe('onCall IN ["nurse", "clinician", "coach"]');
    expect(filterOf("therapist=licensed&language=haitian+creole")).toBe(
      '(integrationByLicensed = true AND languages IN ["Haitian Creole"])',
    );
  });

  it("names only allowlisted attributes, and every facet attribute is filterable", async () => {
    const all = query(
      "state=CA&city=Fresno&zip=93701&telehealthIn=CA&type=kap_practice&route=oral&condition=ocd&integration=add_on" +
        "&therapist=licensed&followUp24h=1&groups=any&onCall=1&onCallHours=always&prep=1&mbc=1&tools=app" +
        "&lifestyle=sleep&recoveryRoom=1&maxSessionPrice=1&maxCourse=1&insurance=none&hsaFsa=1&financing=1" +
        "&slidingScale=1&accepting=1&language=Korean&evening=1&weekend=1",
    );
    const f = toMeiliFilter(combined(await resolveGroups(filterGroups(all), async () => ["x-1"]))!);
    const named = [...f.matchAll(/(?:^|\(| AND | OR )([A-Za-z_]+) (?:=|IN|<=) /g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(25);
    for (const a of named) expect([...FILTERABLE_ATTRIBUTES, ...GEO_FILTER_ATTRIBUTES]).toContain(a);
    for (const facet of FACETS) expect(FILTERABLE_ATTRIBUTES).toContain(facet.attr);
  });
});

describe("hostile values", () => {
  const hostile = [
    'CA" OR id EXISTS',
    "CA' OR 1=1 --",
    'x" OR _geoRadius(0, 0, 99999999) OR "',
    "a\\",
    "CA) OR (id EXISTS",
    "NOT state = CA",
  ];

  it.each(hostile)("never reach a filter through the parser: %s", (value) => {
    for (const param of [
      "state",
      "city",
      "route",
      "language",
      "telehealthIn",
      "zip",
      "maxSessionPrice",
      "groups",
    ]) {
      const qs = new URLSearchParams([[param, value]]).toString();
      expect(parseSearchQuery(new URLSearchParams(qs), "strict").ok).toBe(false);
      expect(filterOf(qs)).toBeUndefined();
    }
  });

  it.each(hostile)("are refused by the compiler even when put in a condition by hand: %s", (value) => {
    const conds: Cond[] = [
      { op: "eq", attr: "state", value },
      { op: "in", attr: "routes", values: ["oral", value] },
    ];
    for (const c of conds) expect(() => toMeiliFilter(c)).toThrow(UnsafeFilterError);
  });

  it("refuses attributes outside the allowlist and non-finite numbers", () => {
    expect(() => toMeiliFilter({ op: "eq", attr: "id" as never, value: "x" })).toThrow(UnsafeFilterError);
    expect(() => toMeiliFilter({ op: "eq", attr: "lat" as never, value: "x" })).toThrow(UnsafeFilterError);
    expect(() => toMeiliFilter({ op: "lte", attr: "sessionPrice", value: NaN })).toThrow(UnsafeFilterError);
    expect(() => toMeiliFilter({ op: "geo", lat: Infinity, lng: 0, meters: 1 })).toThrow(UnsafeFilterError);
    expect(() => toMeiliFilter({ op: "in", attr: "routes", values: [] })).toThrow(UnsafeFilterError);
  });

  it("finds listings without a value, only on an allowed attribute", () => {
    expect(toMeiliFilter({ op: "null", attr: "sessionPrice" })).toBe("sessionPrice IS NULL");
    expect(() => toMeiliFilter({ op: "null", attr: "lat" as never })).toThrow(UnsafeFilterError);
  });

  it("carries a city only as the dataset spells it", () => {
    expect(filterOf("state=ID&city=coeur+d%27alene")).toBe('(state = "ID" AND city = "Coeur D Alene")');
    expect(filterOf("city=At%26t")).toBeUndefined();
  });
});

describe("facets", () => {
  it("count an active group's own choices without it (disjunctive), the rest from the main query", () => {
    const groups = filterGroups(query("route=oral&followUp24h=true&state=CA"));
    expect(groups.map((g) => g.key)).toEqual(["place", "route", "followUp24h"]);
    const idle = idleFacets(groups).map((f) => f.param);
    expect(idle).not.toContain("route");
    expect(idle).not.toContain("state");
    expect(idle).not.toContain("telehealthIn");
    expect(idle).toContain("condition");
    expect(toMeiliFilter(combined(groups, "route")!)).toBe('(state = "CA" AND followUp24h = true)');
  });

  it("sum stored values into choices", () => {
    const counts = countsFromDistribution(FACETS, {
      supportGroups: { none: 50, in_person: 10, virtual: 20, both: 5 },
      onCall: { none: 40, nurse: 3, clinician: 4, coach: 5 },
      followUp24h: { true: 7, false: 9 },
      sessionUnder: { "500": 12 },
    });
    expect(counts.groups).toEqual({ any: 35, in_person: 15, virtual: 25 });
    expect(counts.onCall).toEqual({ true: 12 });
    expect(counts.followUp24h).toEqual({ true: 7 });
    expect(counts.maxSessionPrice?.["500"]).toBe(12);
    expect(counts.maxSessionPrice?.["200"]).toBe(0);
    expect(counts.route?.oral).toBe(0);
  });
});
