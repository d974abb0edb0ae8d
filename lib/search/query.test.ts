import { describe, expect, it } from "vitest";
import {
  DEFAULT_QUERY,
  PARAM_NAMES,
  parseLenient,
  parseSearchQuery,
  searchHref,
  toSearchParams,
  type ParseResult,
  type SearchQuery,
} from "./query";

const lenient = (qs: string) => parseLenient(new URLSearchParams(qs));
const strict = (qs: string) => parseSearchQuery(new URLSearchParams(qs), "strict");
const errorOf = (r: ParseResult) => (r.ok ? undefined : r.error);

describe("parseSearchQuery", () => {
  it("gives the defaults for an empty query and ignores unknown parameters", () => {
    expect(lenient("")).toEqual({ ok: true, query: DEFAULT_QUERY, notices: [] });
    expect(lenient("utm_source=x&foo=bar")).toEqual({ ok: true, query: DEFAULT_QUERY, notices: [] });
    expect(strict("utm_source=x")).toEqual({ ok: true, query: DEFAULT_QUERY, notices: [] });
  });

  it("reads every documented parameter", () => {
    const r = lenient(
      "q=calm+clinic&state=ca&city=los+angeles&zip=90012&radius=50&telehealthIn=NV&type=kap_practice" +
        "&route=iv_infusion&route=IM_INJECTION&condition=ptsd&integration=included&therapist=licensed" +
        "&followUp24h=true&groups=virtual&onCall=1&onCallHours=always&prep=on&mbc=yes&tools=app" +
        "&lifestyle=sleep&recoveryRoom=true&maxSessionPrice=500&maxCourse=%244%2C000&insurance=superbill" +
        "&hsaFsa=true&financing=true&slidingScale=true&accepting=true&language=spanish&evening=true" +
        "&weekend=true&sort=price&page=2&perPage=50",
    );
    expect(r.notices).toEqual([]);
    expect(r.query).toMatchObject({
      q: "calm clinic",
      state: "CA",
      city: "Los Angeles",
      zip: { code: "90012", state: "CA" },
      radius: 50,
      telehealthIn: "NV",
      type: ["kap_practice"],
      route: ["iv_infusion", "im_injection"],
      condition: ["ptsd"],
      integration: ["included"],
      therapist: "licensed",
      followUp24h: true,
      groups: "virtual",
      onCall: true,
      onCallHours: ["always"],
      prep: true,
      mbc: true,
      tools: ["app"],
      lifestyle: ["sleep"],
      recoveryRoom: true,
      maxSessionPrice: 500,
      maxCourse: 4000,
      insurance: ["superbill"],
      hsaFsa: true,
      financing: true,
      slidingScale: true,
      accepting: true,
      language: ["Spanish"],
      evening: true,
      weekend: true,
      sort: "price",
      page: 2,
      perPage: 50,
    });
    expect(r.query.zip?.lat).toBeTypeOf("number");
  });

  it("treats empty form fields as absent and false as no filter", () => {
    expect(lenient("q=&state=&followUp24h=false&maxSessionPrice=").query).toEqual(DEFAULT_QUERY);
  });

  it.each([
    ["maxSessionPrice=-5", "maxSessionPrice"],
    ["maxSessionPrice=abc", "maxSessionPrice"],
    ["maxCourse=1e9", "maxCourse"],
    ["maxCourse=200001", "maxCourse"],
    ["route=teleportation", "route"],
    ["state=XX", "state"],
    ["radius=501", "radius"],
    ["radius=0", "radius"],
    ["perPage=101", "perPage"],
    ["page=0", "page"],
    ["page=1.5", "page"],
    ["zip=00000", "zip"],
    ["zip=9021", "zip"],
    ["city=Atlantis", "city"],
    ["state=CA&city=Chicago", "city"],
    ["sort=distance", "sort"],
    ["sort=random", "sort"],
    ["followUp24h=maybe", "followUp24h"],
    ["language=Klingon", "language"],
    ["state=CA&state=NY", "state"],
    ["q=" + "x".repeat(201), "q"],
  ])("strict mode rejects %s, naming %s", (qs, parameter) => {
    const err = errorOf(strict(qs));
    expect(err?.parameter).toBe(parameter);
    expect(err?.message).toMatch(new RegExp(`^${parameter} `));
  });

  it("lenient mode drops a bad value with a notice and keeps the default", () => {
    const r = lenient("maxSessionPrice=-5&radius=900&perPage=500&route=iv_infusion&route=nope&zip=90012");
    expect(r.query.maxSessionPrice).toBeNull();
    expect(r.query.radius).toBe(25);
    expect(r.query.perPage).toBe(20);
    expect(r.query.route).toEqual(["iv_infusion"]);
    expect(r.notices.map((n) => n.parameter).sort()).toEqual([
      "maxSessionPrice",
      "perPage",
      "radius",
      "route",
    ]);
    expect(r.notices.find((n) => n.parameter === "route")?.notice).toBe(
      "We ignored “nope” for the way ketamine is given because we couldn't use it.",
    );
  });

  it("keeps a notice short and free of control characters, whatever was sent", () => {
    const r = lenient(`state=${encodeURIComponent('CA" OR id EXISTS\n' + "y".repeat(500))}`);
    expect(r.query.state).toBeNull();
    const notice = r.notices[0]!.notice;
    expect(notice.length).toBeLessThan(120);
    expect(notice).not.toMatch(/\n/);
  });

  it("matches a city to the dataset's spelling, in the chosen state", () => {
    expect(lenient("city=st.+louis&state=MO").query.city).toBe("Saint Louis");
    expect(lenient("city=SAN%20FRANCISCO").query.city).toBe("San Francisco");
    const r = lenient("state=IL&city=Miami");
    expect(r.query.city).toBeNull();
    expect(r.notices[0]?.notice).toContain("in IL");
  });

  it("reads words that are only a ZIP code as a location, nearest first", () => {
    const r = lenient("q=60614");
    expect(r.query.q).toBe("");
    expect(r.query.zip?.code).toBe("60614");
    expect(r.query.sort).toBe("distance");
    expect(lenient("zip=60614&sort=price").query.sort).toBe("price");
  });

  it("uses the first of repeated single values in lenient mode", () => {
    const r = lenient("state=CA&state=NY");
    expect(r.query.state).toBe("CA");
    expect(r.notices[0]?.parameter).toBe("state");
  });

  it("accepts a plain object of params as Next.js passes them", () => {
    const r = parseSearchQuery({ route: ["oral", "at_home"], state: "tx", other: undefined }, "strict");
    expect(r.ok && r.query.route).toEqual(["oral", "at_home"]);
    expect(r.ok && r.query.state).toBe("TX");
  });
});

describe("canonical URLs", () => {
  it("round-trip: parsing the URL of a query gives the query back", () => {
    const qs =
      "q=calm&state=CA&zip=90012&radius=50&route=iv_infusion&route=oral&followUp24h=true&maxSessionPrice=600&sort=score&page=3";
    const q = lenient(qs).query;
    const again = lenient(toSearchParams(q).toString()).query;
    expect(again).toEqual(q);
  });

  it("leave defaults out and list parameters in a fixed order", () => {
    const q = lenient("page=1&perPage=20&sort=relevance&followUp24h=true&state=CA").query;
    expect(toSearchParams(q).toString()).toBe("state=CA&followUp24h=true");
    expect(PARAM_NAMES.slice(-3)).toEqual(["sort", "page", "perPage"]);
  });

  it("go back to page 1 when a filter changes, but not when the page or sort does", () => {
    const q: SearchQuery = { ...lenient("state=CA&page=4").query };
    expect(searchHref(q, { route: ["oral"] })).toBe("/clinics?state=CA&route=oral");
    expect(searchHref(q, { page: 5 })).toBe("/clinics?state=CA&page=5");
    expect(searchHref(q, { sort: "price" })).toBe("/clinics?state=CA&sort=price&page=4");
  });

  it("follow the location with the default sort", () => {
    const near = lenient("zip=60614").query;
    expect(near.sort).toBe("distance");
    expect(searchHref(near, { zip: null })).toBe("/clinics");
    const plain = lenient("state=IL").query;
    expect(searchHref(plain, { zip: near.zip })).toBe("/clinics?state=IL&zip=60614");
  });
});
