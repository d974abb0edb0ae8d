import { beforeAll, describe, expect, it } from "vitest";
import { guessPlace, readPlace, type PlaceReading } from "./place-phrase";
import { editDistance, warmPlaces } from "./places";
import { parseSearchQuery } from "./query";

// The city and ZIP-code tables take a second or two to build (far more on a loaded machine): once, up front.
beforeAll(() => warmPlaces(), 120_000);

/** A reading as one line: "zip 78701 | rest", "city Austin, TX | rest", "state TX | rest", "choose A, B | rest", "-". */
function brief(r: PlaceReading | undefined): string {
  if (!r) return "-";
  switch (r.kind) {
    case "zip":
      return `zip ${r.point.zip}${r.elsewhere ? " (elsewhere)" : ""} | ${r.rest}`;
    case "city":
      return `city ${r.point.city}, ${r.point.state} | ${r.rest}`;
    case "state":
      return `state ${r.state} | ${r.rest}`;
    case "choose":
      return `choose ${r.choices.map((p) => `${p.city}, ${p.state}`).join("; ")} | ${r.rest}`;
  }
}

/** How people type a place, and what must stay words. */
const TABLE: [typed: string, read: string][] = [
  // ZIP codes, alone or with their city and state
  ["78701", "zip 78701 | "],
  ["near 78701", "zip 78701 | "],
  ["78701-1234", "zip 78701 | "],
  ["Austin 78701", "zip 78701 | "],
  ["austin, tx 78701", "zip 78701 | "],
  ["Chicago IL 60614", "zip 60614 | "],
  ["Chicago, Illinois 60614", "zip 60614 | "],
  ["60614 chicago", "zip 60614 | "],
  ["group therapy 78701", "zip 78701 | group therapy"],
  ["ptsd near Austin 78701", "zip 78701 | ptsd"],
  ["Dallas 78701", "zip 78701 (elsewhere) | "],
  ["hope 78701", "zip 78701 | hope"],
  ["99999", "-"], // not a ZIP code anyone has
  // a city with its state
  ["Austin TX", "city Austin, TX | "],
  ["austin tx", "city Austin, TX | "],
  ["AUSTIN, TX", "city Austin, TX | "],
  ["Austin, Texas", "city Austin, TX | "],
  ["Austin in Texas", "city Austin, TX | "],
  ["Texas Austin", "city Austin, TX | "],
  ["Springfield IL", "city Springfield, IL | "],
  ["springfield, illinois", "city Springfield, IL | "],
  ["Portland ME", "city Portland, ME | "],
  ["Portland OR", "city Portland, OR | "],
  ["Hope AR", "city Hope, AR | "], // a small town, named with its state
  ["New York NY", "city New York, NY | "],
  ["Washington DC", "city Washington, DC | "],
  ["Washington, D.C.", "city Washington, DC | "],
  ["st louis mo", "city Saint Louis, MO | "],
  ["Kansas City, Kansas", "city Kansas City, KS | "],
  // a city alone
  ["Austin", "city Austin, TX | "],
  ["austin", "city Austin, TX | "],
  ["Austin.", "city Austin, TX | "],
  ["Kansas City", "city Kansas City, MO | "],
  ["St. Louis", "city Saint Louis, MO | "],
  ["ft myers", "city Fort Myers, FL | "],
  ["Portland", "city Portland, OR | "],
  ["Los Angeles", "city Los Angeles, CA | "],
  ["Beverly Hills", "city Beverly Hills, CA | "],
  ["group therapy in Denver", "city Denver, CO | group therapy"],
  ["spravato austin", "city Austin, TX | spravato"],
  ["Austin or Dallas", "city Austin, TX | or Dallas"], // one place at a time; "or" is not Oregon
  // several cities of that name: ask
  [
    "Springfield",
    "choose Springfield, MA; Springfield, IL; Springfield, MO; Springfield, OH; Springfield, VA; Springfield, OR | ",
  ],
  ["Arlington", "choose Arlington, VA; Arlington, TX | "],
  ["Columbus", "choose Columbus, OH; Columbus, GA; Columbus, MS; Columbus, IN | "],
  ["Lafayette ptsd", "choose Lafayette, LA; Lafayette, IN | ptsd"],
  // a state's full name
  ["Texas", "state TX | "],
  ["ketamine clinics in Ohio", "state OH | ketamine clinics"],
  ["new york", "state NY | "],
  ["Washington", "state WA | "],
  ["north carolina spravato", "state NC | spravato"],
  // words that must stay words
  ["integration", "-"],
  ["group therapy", "-"],
  ["Spanish", "-"],
  ["PTSD", "-"],
  ["Spravato", "-"],
  ["Lumenwick Ketamine Clinic", "-"], // a clinic name (the sample data's are invented words)
  ["hope", "-"], // towns too small to be read alone
  ["Summit", "-"],
  ["Center", "-"],
  ["Mobile", "-"], // everyday words that are cities
  ["spring", "-"],
  ["MD", "-"], // state codes alone
  ["PA", "-"],
  ["in", "-"],
  ["ptsd chicgo", "-"], // a misspelt city stays words (the engines' typo tolerance matches it)
  ['"Phoenix Rising"', "-"], // quoted words are words
  ["", "-"],
];

describe("readPlace", () => {
  it.each(TABLE)("%j → %s", (typed, read) => {
    expect(brief(readPlace(typed))).toBe(read);
  });

  it("looks in the state already chosen, and leaves another state's names as words", () => {
    expect(brief(readPlace("Springfield", "IL"))).toBe("city Springfield, IL | ");
    expect(brief(readPlace("Austin", "MN"))).toBe("city Austin, MN | "); // small, but its state was chosen
    expect(brief(readPlace("Austin MN", "MN"))).toBe("city Austin, MN | ");
    expect(brief(readPlace("Texas", "CA"))).toBe("-");
  });

  it("reads a city from the point the sample data places its clinics around", () => {
    const r = readPlace("Austin");
    expect(r?.kind).toBe("city");
    // db/seed/places.ts: the city's ZIP code nearest the centroid of its ZIP-code points.
    expect(r?.kind === "city" && r.point.city).toBe("Austin");
  });
});

/** Misspelt places, and words that must never be taken for one. */
const GUESSES: [typed: string, guess: string][] = [
  ["Austn tx", "Austin, TX [Austn tx] | "],
  ["austn, texas", "Austin, TX [austn texas] | "],
  ["ptsd austn tx", "Austin, TX [austn tx] | ptsd"],
  ["ketamine therapy austn", "Austin, TX [austn] | ketamine therapy"],
  ["chicgo", "Chicago, IL [chicgo] | "],
  ["ptsd chicgo", "Chicago, IL [chicgo] | ptsd"],
  ["Pheonix", "Phoenix, AZ [Pheonix] | "], // two letters swapped: one edit
  ["pheonix az", "Phoenix, AZ [pheonix az] | "],
  ["san antonoi tx", "San Antonio, TX [san antonoi tx] | "],
  ["los angelas", "Los Angeles, CA [los angelas] | "],
  ["sanfrancisco", "San Francisco, CA [sanfrancisco] | "],
  ["albequerque", "Albuquerque, NM [albequerque] | "],
  ["maimi", "Miami, FL [maimi] | "],
  ["Seatle", "Seattle, WA [Seatle] | "],
  // no guess: places spelt right, ambiguous names, small towns, everyday and treatment words
  ["Austin tx", "-"],
  ["springfeld", "-"], // several Springfields: no one guess
  ["oral tx", "-"], // Orla, TX has one ZIP-code point
  ["oral ketamine", "-"],
  ["katamine", "-"],
  ["integraton", "-"],
  ["group therapy", "-"],
  ["esketamine", "-"],
  ["depression", "-"],
  ["PTSD", "-"],
  ["Spanish", "-"],
  ["sliding scale", "-"],
  ["chronic pain", "-"],
  ["hope", "-"],
  ['"austn"', "-"],
];

describe("guessPlace", () => {
  it.each(GUESSES)("%j → %s", (typed, guess) => {
    const g = guessPlace(typed);
    expect(g ? `${g.point.city}, ${g.point.state} [${g.words}] | ${g.rest}` : "-").toBe(guess);
  });

  it("looks in the state already chosen", () => {
    expect(guessPlace("austn", "TX")?.point.city).toBe("Austin");
    expect(guessPlace("portlnd", "ME")?.point.state).toBe("ME");
  });

  it("counts edits as optimal string alignment, and stops past the limit", () => {
    expect(editDistance("austn", "austin", 2)).toBe(1);
    expect(editDistance("pheonix", "phoenix", 2)).toBe(1);
    expect(editDistance("chciago", "chicago", 2)).toBe(1);
    expect(editDistance("abc", "abc", 0)).toBe(0);
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
    expect(editDistance("kitten", "sitting", 1)).toBe(2); // more than the limit: limit + 1
    expect(editDistance("a", "abcd", 1)).toBe(2);
  });
});

describe("parseSearchQuery with place words", () => {
  const parse = (qs: string, mode: "lenient" | "strict" = "strict") => {
    const r = parseSearchQuery(new URLSearchParams(qs), mode);
    if (!r.ok) throw new Error(r.error.message);
    return r;
  };

  it.each(["lenient", "strict"] as const)("sets the location and keeps the other words (%s)", (mode) => {
    const r = parse("q=Austin%2078701", mode);
    expect(r.query).toMatchObject({
      q: "",
      zip: { code: "78701", city: "Austin", state: "TX" },
      sort: "distance",
    });
    expect(parse("q=group+therapy+Chicago+IL+60614", mode).query).toMatchObject({
      q: "group therapy",
      zip: { code: "60614" },
      radius: 25,
    });
    const city = parse("q=Austin+TX&radius=50", mode).query;
    expect(city).toMatchObject({ q: "", zip: { city: "Austin", state: "TX" }, radius: 50, sort: "distance" });
    expect(parse("q=ptsd+in+Ohio", mode).query).toMatchObject({ q: "ptsd", state: "OH", zip: null });
  });

  it("keeps a chosen sort; the words win over the location the form still holds", () => {
    expect(parse("q=Austin&sort=price").query).toMatchObject({ zip: { city: "Austin" }, sort: "price" });
    expect(parse("q=Austin&zip=60614").query).toMatchObject({ q: "", zip: { city: "Austin", state: "TX" } });
    expect(parse("q=Austin&state=TX&city=Dallas").query).toMatchObject({
      q: "",
      city: null,
      state: "TX",
      zip: { city: "Austin" },
    });
    expect(parse("q=Austin&state=CA").query).toMatchObject({
      state: null,
      zip: { city: "Austin", state: "TX" },
    });
    expect(parse("q=ptsd+in+Ohio&zip=60614").query).toMatchObject({ q: "ptsd", state: "OH", zip: null });
    // Words that name no place leave the location alone.
    expect(parse("q=ptsd&zip=60614").query).toMatchObject({ q: "ptsd", zip: { code: "60614" } });
  });

  it("asks which city an ambiguous name means, keeping the words meanwhile", () => {
    const r = parse("q=Springfield+group+therapy");
    expect(r.query).toMatchObject({ q: "Springfield group therapy", zip: null });
    expect(r.placeChoices?.map((c) => c.label).slice(0, 3)).toEqual([
      "Springfield, MA",
      "Springfield, IL",
      "Springfield, MO",
    ]);
    expect(r.placeChoices?.[1]?.change).toMatchObject({ q: "group therapy", zip: { state: "IL" } });
    expect(parse("q=Springfield&state=MO").query).toMatchObject({ q: "", zip: { state: "MO" } });
  });

  it("offers the city misspelt words most likely mean, and searches the words as typed meanwhile", () => {
    const r = parse("q=group+therapy+austn+tx&integration=included");
    expect(r.query).toMatchObject({ q: "group therapy austn tx", zip: null });
    expect(r.placeGuess).toMatchObject({
      label: "Austin, TX",
      words: "austn tx",
      change: { q: "group therapy", zip: { city: "Austin", state: "TX" } },
    });
    expect(parse("q=Austin+tx").placeGuess).toBeUndefined();
    expect(parse("q=ketamine+near+me").placeGuess).toBeUndefined();
  });

  it("asks where when the words say 'near me' and name no place", () => {
    const cases: [string, string][] = [
      ["ketamine clinic near me", "ketamine clinic"],
      ["group therapy nearby", "group therapy"],
      ["Near me", ""],
      ["IV infusion close to me", "IV infusion"],
      ["ptsd in my area", "ptsd"],
      ["closest ketamine clinic", "ketamine clinic"],
    ];
    for (const [q, rest] of cases) {
      const r = parse(`q=${encodeURIComponent(q)}`);
      expect(r.askPlace, q).toBe(true);
      expect(r.query, q).toMatchObject({ q: rest, zip: null });
    }
    // A place given anywhere answers the question: no asking, and "near me" leaves the words.
    expect(parse("q=near+me&zip=78701")).toMatchObject({ query: { q: "", zip: { code: "78701" } } });
    expect(parse("q=near+me&zip=78701").askPlace).toBeUndefined();
    const named = parse("q=group+therapy+near+me+in+Austin");
    expect(named.askPlace).toBeUndefined();
    expect(named.query).toMatchObject({ q: "group therapy", zip: { city: "Austin" } });
    // Words that only look like it stay words; quotes are taken literally.
    expect(parse("q=Nearby+Wellness").askPlace).toBe(true);
    expect(parse("q=%22Nearby+Wellness%22").askPlace).toBeUndefined();
    expect(parse("q=Menearby").askPlace).toBeUndefined();
  });

  it("says so when the words name somewhere other than the ZIP code", () => {
    const r = parse("q=Dallas+78701", "lenient");
    expect(r.query.zip?.code).toBe("78701");
    expect(r.notices.map((n) => n.notice)).toEqual([
      "We searched near 78701 (Austin, TX), the ZIP code you gave.",
    ]);
  });
});
