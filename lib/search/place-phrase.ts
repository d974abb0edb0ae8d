import { US_STATES, type UsState } from "@/db/enums";
import { zipToPoint, type ZipPoint } from "@/db/geo";
import { STATE_NAMES } from "@/lib/labels";
import { citiesNamed, citiesSpeltLike, cityPoint, normalizeCity, type CityEntry } from "./places";
import type { QueryIssue, SearchQuery, ZipLocation } from "./query";

/**
 * Reads a US place out of the search words, as people type it: "78701", "near 78701", "Austin",
 * "austin tx", "Austin, Texas", "Chicago IL 60614", "group therapy in Denver", "Texas". The place
 * words leave the text query and set the location; the other words stay the text query. Both the
 * /clinics page and GET /api/clinics get this through `parseSearchQuery`, so both engines (Meilisearch
 * and the PostgreSQL fallback) are handed the same parsed query.
 *
 * What counts as a place (docs/api.md, "Place words", says the same for API users):
 * - A known 5-digit ZIP code (or ZIP+4) anywhere: the location is that ZIP code. City or state
 *   words beside it are taken as part of the place; when they name somewhere else, the ZIP code wins
 *   and a notice says so.
 * - A city followed by its state, as a code or a name ("Austin TX", "Austin, Texas", "Hope AR"):
 *   any US city, however small. The location is the city's point (`cityPoint`).
 * - A city alone ("Austin", "kansas city", "St. Louis"): only a city with at least
 *   `BARE_CITY_MIN_POINTS` ZIP-code points (so "Hope", "Joy" or "Summit" stay words), not one of
 *   `NOT_BARE` (common words that happen to be cities), and, when several states have a city of that
 *   name, only when the biggest has `DOMINANCE` times the ZIP-code points of the next ("Austin" is
 *   Austin, TX; "Portland" is Portland, OR). Otherwise ("Springfield", "Arlington", "Columbus") the
 *   words stay the text query and the searcher is asked which one (`choices`, biggest first).
 * - A state's full name on its own ("Texas", "new york", "ketamine in Ohio"): the state filter, as
 *   `state=` does. A name that is both a state and a city means the state ("Washington", "New York");
 *   the city needs its state ("New York NY", "Washington DC"). Two-letter codes alone ("MD", "PA",
 *   "OR", "IN", "ME") stay words: they are too often something else. As words they still match a
 *   listing's state.
 * - Nothing in double quotes, and nothing when the words hold a double quote: `"Phoenix Rising"`
 *   searches for those words.
 * - Upper or lower case, commas and full stops are all the same; "St."/"Ft."/"Mt." are "Saint",
 *   "Fort", "Mount" (`normalizeCity`). Misspelt places are not corrected: they stay words (the search
 *   engine's typo tolerance matches them against listings' cities, so "chicgo" finds Chicago's
 *   clinics), and `guessPlace` offers the city they most likely mean ("Did you mean Chicago, IL?").
 */

/** A city named alone needs at least this many distinct ZIP-code points to be read as a place. */
const BARE_CITY_MIN_POINTS = 3;
/** A city named alone is the biggest of its name when it has this many times the next one's points. */
const DOMINANCE = 4;
/** At most this many cities are offered when a name is ambiguous. */
const MAX_CHOICES = 6;
const MAX_CITY_WORDS = 4;
const MAX_WORDS = 30;

/** Everyday words that are also cities with several ZIP codes: alone, they stay words. */
const NOT_BARE: ReadonlySet<string> = new Set([
  "spring", "mobile", "reading", "orange", "independence", "normal", "sandy", "bend", "friendly",
  "pleasant", "prosperity", "plain", "union", "liberty", "hope", "center", "harmony", "summit",
]); // prettier-ignore

/** Little words that only say "where" ("near 78701", "clinics in Austin"); dropped with the place. */
const CONNECTORS: ReadonlySet<string> = new Set(["near", "in", "around", "at"]);

/** State codes that are also everyday words or abbreviations. */
const WORDY_CODES: ReadonlySet<string> = new Set([
  "IN",
  "OR",
  "ME",
  "HI",
  "OK",
  "OH",
  "DE",
  "LA",
  "MA",
  "PA",
  "MD",
  "CO",
  "ID",
]);

const ZIP = /^\d{5}(-\d{4})?$/;
const CODES: ReadonlySet<string> = new Set(US_STATES);
const STATE_BY_NAME = new Map(
  (Object.entries(STATE_NAMES) as [UsState, string][]).map(([code, name]) => [name.toLowerCase(), code]),
);
const MAX_STATE_WORDS = Math.max(...[...STATE_BY_NAME.keys()].map((n) => n.split(" ").length));

/** The location a ZIP-code point stands for in a query. */
export const toZipLocation = (p: ZipPoint): ZipLocation => ({
  code: p.zip,
  lat: p.lat,
  lng: p.lng,
  city: p.city,
  state: p.state,
});

/** "Austin, TX" */
const placeLabel = (p: { city: string; state: string }) => `${p.city}, ${p.state}`;

type Token = { raw: string; norm: string };

/** Words as typed (to give back the rest) and as compared: lower case, no punctuation at either end. */
function tokenize(q: string): Token[] {
  return q
    .split(/[\s,;]+/)
    .filter((raw) => raw !== "")
    .map((raw) => ({ raw, norm: raw.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, "") }))
    .filter((t) => t.norm !== "" && t.norm !== ".");
}

type Span = { start: number; end: number };

type Found =
  | (Span & { kind: "city"; entry: CityEntry })
  | (Span & { kind: "bare"; phrase: string; entries: CityEntry[] })
  | (Span & { kind: "state"; state: UsState });

/** A state at token `i`: a full name (up to three words), or with `codes`, a two-letter code. */
function stateAt(t: readonly Token[], i: number, stop: number, codes: boolean) {
  for (let len = Math.min(MAX_STATE_WORDS, stop - i); len >= 1; len--) {
    const phrase = t
      .slice(i, i + len)
      .map((x) => x.norm.replace(/\.$/, ""))
      .join(" ");
    const byName = STATE_BY_NAME.get(phrase);
    if (byName) return { state: byName, len };
  }
  const raw = t[i]?.raw.replace(/[^A-Za-z]/g, "");
  const code = raw?.toUpperCase();
  if (!codes || i >= stop || !code || !CODES.has(code)) return undefined;
  // "in", "or", "me", "oh"… are words first: as a state they must be written in capitals ("Gary IN").
  if (WORDY_CODES.has(code) && raw !== code) return undefined;
  return { state: code as UsState, len: 1 };
}

/** The longest place phrase starting at token `i` (not crossing `stop`), if any. */
function placeAt(t: readonly Token[], i: number, stop: number): Found | undefined {
  let city: Found | undefined;
  for (let len = Math.min(MAX_CITY_WORDS, stop - i); len >= 1 && !city; len--) {
    const phrase = t
      .slice(i, i + len)
      .map((x) => x.norm)
      .join(" ");
    const entries = citiesNamed(phrase);
    if (entries.length === 0) continue;
    const st = stateAt(t, i + len, stop, true);
    const entry = st && entries.find((e) => e.state === st.state);
    city = entry
      ? { kind: "city", entry, start: i, end: i + len + st.len }
      : { kind: "bare", phrase: normalizeCity(phrase), entries, start: i, end: i + len };
  }
  const st = stateAt(t, i, stop, false);
  const state: Found | undefined = st && { kind: "state", state: st.state, start: i, end: i + st.len };
  // The longer reading wins; a name that is both a state and a city ("Washington") is the state.
  if (state && (!city || (city.kind === "bare" && state.end >= city.end))) return state;
  return city;
}

/**
 * A bare city name's reading: one city, several to choose from, or none (the words stay words).
 * Towns below `BARE_CITY_MIN_POINTS` never compete ("Beverly Hills" is Beverly Hills, CA), unless
 * the searcher already chose their state (`given`), which then names it as "Austin MN" would.
 */
function bareCity(
  found: Pick<Extract<Found, { kind: "bare" }>, "phrase" | "entries">,
  given: UsState | undefined,
) {
  if (NOT_BARE.has(found.phrase)) return undefined;
  if (given) {
    const entry = found.entries.find((e) => e.state === given);
    return entry && { entry };
  }
  const cities = found.entries.filter((e) => e.points >= BARE_CITY_MIN_POINTS);
  const [top, next] = cities;
  if (!top) return undefined;
  if (next && top.points < DOMINANCE * next.points) return { choices: cities.slice(0, MAX_CHOICES) };
  return { entry: top };
}

export type PlaceReading =
  | { kind: "zip"; point: ZipPoint; rest: string; elsewhere: boolean }
  | { kind: "city"; point: ZipPoint; rest: string }
  | { kind: "state"; state: UsState; rest: string }
  | { kind: "choose"; words: string; choices: ZipPoint[]; rest: string };

/** The words left once `used` tokens (and a "near"/"in" just before them) are taken out. */
function restOf(t: readonly Token[], used: Set<number>): string {
  for (const i of [...used]) if (!used.has(i - 1) && CONNECTORS.has(t[i - 1]?.norm ?? "")) used.add(i - 1);
  return t
    .filter((_, i) => !used.has(i))
    .map((x) => x.raw)
    .join(" ")
    .replace(/^[\s,;]+|[\s,;]+$/g, "");
}

const range = (s: Span) => Array.from({ length: s.end - s.start }, (_, k) => s.start + k);

/**
 * The place in the search words `q`, if any (see the module comment). `given` is a state the searcher
 * already chose (`state=`): a city is then looked for in that state only, and a different state's
 * name stays words.
 */
export function readPlace(q: string, given?: UsState): PlaceReading | undefined {
  if (q.includes('"')) return undefined;
  const t = tokenize(q);
  if (t.length === 0 || t.length > MAX_WORDS) return undefined;
  const zipAt = t.findIndex((x) => ZIP.test(x.norm) && zipToPoint(x.norm) !== undefined);

  // Phrases do not cross the ZIP code: "Austin 78701 TX" is Austin, then the ZIP code, then TX.
  const found: Found[] = [];
  for (let i = 0; i < t.length; i++) {
    const f = i === zipAt ? undefined : placeAt(t, i, zipAt > i ? zipAt : t.length);
    if (!f) continue;
    found.push(f);
    i = f.end - 1;
  }

  if (zipAt >= 0) {
    const point = zipToPoint(t[zipAt]!.norm)!;
    const zipCity = normalizeCity(point.city);
    const used = new Set([zipAt]);
    // The phrase nearest the ZIP code names the place too ("Austin 78701"); a bare word counts only
    // when it is the ZIP code's city or would be read as a city on its own ("hope 78701" keeps "hope").
    const beside = found
      .filter((f) => f.kind !== "bare" || f.phrase === zipCity || bareCity(f, undefined))
      .sort((a, b) => Math.abs(a.start - zipAt) - Math.abs(b.start - zipAt))[0];
    let elsewhere = false;
    if (beside) {
      range(beside).forEach((i) => used.add(i));
      elsewhere =
        beside.kind === "state"
          ? beside.state !== point.state
          : beside.kind === "city"
            ? beside.entry.state !== point.state || normalizeCity(beside.entry.city) !== zipCity
            : beside.phrase !== zipCity;
    }
    return { kind: "zip", point, rest: restOf(t, used), elsewhere };
  }

  // A city before a state: "Texas Austin" is Austin, TX.
  const cityFirst = [...found].sort((a, b) => Number(a.kind === "state") - Number(b.kind === "state"));
  for (const f of cityFirst) {
    const used = new Set(range(f));
    if (f.kind === "state") {
      if (given && given !== f.state) continue;
      return { kind: "state", state: f.state, rest: restOf(t, used) };
    }
    const entry = f.kind === "city" ? f.entry : bareCity(f, given)?.entry;
    if (entry && (!given || given === entry.state)) {
      const point = cityPoint(entry);
      if (!point) continue;
      // "Austin in Texas": the city's own state, named apart, goes with it.
      for (const g of found)
        if (g.kind === "state" && g.state === entry.state) range(g).forEach((i) => used.add(i));
      return { kind: "city", point, rest: restOf(t, used) };
    }
    const bare = f.kind === "bare" ? bareCity(f, given) : undefined;
    if (!bare?.choices) continue;
    const choices = bare.choices.flatMap((e) => cityPoint(e) ?? []);
    const words = range(f)
      .map((i) => t[i]!.raw)
      .join(" ");
    return { kind: "choose", words, choices, rest: restOf(t, used) };
  }
  return undefined;
}

/** Edits a misspelt city name may hold: one, two from 8 letters on, none below 4 letters. */
const guessEdits = (phrase: string) => {
  const letters = phrase.replace(/ /g, "").length;
  return letters >= 8 ? 2 : letters >= 4 ? 1 : 0;
};
/** A misspelt city named without its state is guessed only among cities this big (ZIP-code points). */
const GUESS_MIN_POINTS = 5;
const WORD = /^[\p{L}'.-]+$/u;

type PlaceGuess = { words: string; point: ZipPoint; rest: string };

/**
 * The city that words read as no place most likely misspell: "Austn tx" → Austin, TX; "chicgo" →
 * Chicago, IL; "san antonoi, texas" → San Antonio, TX. Only offered ("Did you mean…?"), never
 * applied. Up to three words within `guessEdits` of a city's name: followed by a state (or with the
 * state already chosen, `given`), a city of that state with at least `BARE_CITY_MIN_POINTS` ZIP-code
 * points ("oral tx" is not Orla, TX); alone, a city of `GUESS_MIN_POINTS` that its name alone would
 * be read as. Words that are a place name already (a small town, a state) are left alone.
 */
export function guessPlace(q: string, given?: UsState): PlaceGuess | undefined {
  if (q.includes('"')) return undefined;
  const t = tokenize(q);
  if (t.length === 0 || t.length > MAX_WORDS) return undefined;
  let best: { entry: CityEntry; distance: number; used: number[] } | undefined;
  for (let i = 0; i < t.length; i++) {
    for (let len = 1; len <= MAX_CITY_WORDS - 1 && i + len <= t.length; len++) {
      const words = t.slice(i, i + len);
      if (!words.every((x) => WORD.test(x.norm))) break;
      const phrase = normalizeCity(words.map((x) => x.norm).join(" "));
      const max = guessEdits(phrase);
      if (max === 0 || citiesNamed(phrase).length > 0 || STATE_BY_NAME.has(phrase)) continue;
      const st = stateAt(t, i + len, t.length, true);
      const state = st?.state ?? given;
      const found = state
        ? citiesSpeltLike(phrase, max, { state }).filter((c) => c.entry.points >= BARE_CITY_MIN_POINTS)
        : citiesSpeltLike(phrase, max, { minPoints: GUESS_MIN_POINTS }).filter(
            ({ entry }) =>
              bareCity({ phrase: normalizeCity(entry.city), entries: citiesNamed(entry.city) }, undefined)
                ?.entry === entry,
          );
      const top = found[0];
      if (!top) continue;
      const used = range({ start: i, end: i + len + (st?.len ?? 0) });
      if (
        !best ||
        top.distance < best.distance ||
        (top.distance === best.distance && top.entry.points > best.entry.points)
      )
        best = { ...top, used };
    }
  }
  const point = best && cityPoint(best.entry);
  if (!best || !point) return undefined;
  const words = best.used.map((i) => t[i]!.raw).join(" ");
  return { words, point, rest: restOf(t, new Set(best.used)) };
}

/**
 * Phrases that ask for the searcher's own place ("ketamine near me", "clinics nearby"): they name
 * no place, so the search words lose them and the page asks where (`askPlace`).
 */
const NEAR_ME =
  /(?:^|\s)(?:(?:near|around|close to|closest to|nearest to)\s+(?:me|my (?:location|area|home|house))|in my (?:area|city|town)|nearby|near by|closest|nearest)(?=\s|[,.;!?]|$)/giu;

/** The words without their "near me" phrases, or undefined when they hold none. */
function withoutNearMe(q: string): string | undefined {
  if (q.includes('"')) return undefined;
  const rest = q.replace(NEAR_ME, " ");
  if (rest === q) return undefined;
  return rest.replace(/\s+/g, " ").replace(/^[\s,;]+|[\s,;]+$/g, "");
}

/** A city to choose when the words name several: its label and how the query changes. */
export type PlaceChoice = { label: string; change: Partial<SearchQuery> };
/** The city misspelt words most likely mean (`guessPlace`), offered: `words` are the misspelt ones. */
export type PlaceOffer = PlaceChoice & { words: string };

/**
 * What the place in the words changes in a parsed query (see `readPlace`). The words win over the
 * location parameters, because on /clinics they are what the person just typed while the form still
 * holds the last location: a place read from `q` replaces `zip` and `city`, and `state` unless it is
 * the place's state. A `state` is used first to pick among cities of the name.
 */
export function placeFromWords(query: SearchQuery): {
  change: Partial<SearchQuery>;
  notices: QueryIssue[];
  choices?: PlaceChoice[];
  askPlace?: boolean;
  /** Words that read as no place but misspell one: the search near it, offered. */
  guess?: PlaceOffer;
} {
  const none = { change: {}, notices: [] };
  if (query.q === "") return none;
  const given = query.state ?? undefined;
  const nearWith = (p: ZipPoint, q: string): Partial<SearchQuery> => ({
    zip: toZipLocation(p),
    city: null,
    state: given === p.state ? given : null,
    q,
  });
  const read = readPlace(query.q, given) ?? (given ? readPlace(query.q) : undefined);
  if (!read) {
    // "near me" with no place anywhere in the search: the words can't say where, so ask.
    const rest = withoutNearMe(query.q);
    if (rest === undefined) {
      const guess = guessPlace(query.q, given);
      if (!guess) return none;
      const change = nearWith(guess.point, guess.rest);
      return { ...none, guess: { label: placeLabel(guess.point), change, words: guess.words } };
    }
    return query.zip || query.city
      ? { change: { q: rest }, notices: [] }
      : { change: { q: rest }, notices: [], askPlace: true };
  }
  // "Austin near me": the place is named, so "near me" is only words.
  const rest = withoutNearMe(read.rest) ?? read.rest;
  const near = (p: ZipPoint) => nearWith(p, rest);
  switch (read.kind) {
    case "zip": {
      const notices: QueryIssue[] = read.elsewhere
        ? [
            {
              parameter: "q",
              message: `q names a place far from ZIP code ${read.point.zip}; searched near the ZIP code`,
              notice: `We searched near ${read.point.zip} (${placeLabel(read.point)}), the ZIP code you gave.`,
            },
          ]
        : [];
      return { change: near(read.point), notices };
    }
    case "city":
      return { change: near(read.point), notices: [] };
    case "state":
      return { change: { state: read.state, city: null, zip: null, q: rest }, notices: [] };
    case "choose":
      return {
        change: {},
        notices: [],
        choices: read.choices.map((p) => ({ label: placeLabel(p), change: near(p) })),
      };
  }
}
