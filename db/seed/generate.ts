import {
  CONDITIONS,
  DIGITAL_TOOLS,
  LIFESTYLE,
  ROUTES,
  type ClinicType,
  type Condition,
  type Insurance,
  type IntegrationTherapy,
  type OnCall,
  type OnCallHours,
  type Route,
  type SupportGroups,
  type UsState,
} from "../enums";
import type { Clinic, DerivedKey } from "../schema";
import { clinicName, describe, slugify, streetAddress } from "./names";
import { getPlaces, getStateWeights, randomPointNear, type Place } from "./places";
import { Prng, weightedTable } from "./prng";

/**
 * The fixed "now" of the sample data: every timestamp is this instant minus a random offset, so the
 * output never depends on the day the generator runs.
 */
export const SAMPLE_EPOCH = new Date(Date.UTC(2026, 10, 1)); // 2026-11-01T00:00:00Z

const DAY_MS = 86_400_000;

/** Clinics stay within this distance of one of their city's ZIP points (so ≤ ~8 km from the city's point). */
const JITTER_KM = 1.5;

/** A sample listing: every column but the derived facts, which the writer computes. */
export type SampleRow = Omit<Clinic, DerivedKey>;
type Row = SampleRow;

/**
 * `count` fictional sample clinics, fully determined by (count, seed). Row i depends only on (seed, i)
 * and on the slugs of the rows before it, so a larger count extends a smaller one: `generateClinics(1500)`
 * is the first 1,500 rows of `generateClinics(100000)`. `seed` is a 32-bit integer.
 */
export function generateClinics(count: number, seed = 42): SampleRow[] {
  return Array.from(sampleClinics(count, seed));
}

/**
 * The same rows as `generateClinics`, one at a time: seeding 100,000 rows batch by batch keeps memory
 * flat instead of holding every row (which also costs more garbage-collection time than generating them).
 */
export function sampleClinics(count: number, seed = 42): Generator<SampleRow, void, undefined> {
  // Checked here, not in the generator body, so a bad argument throws at the call rather than on first use.
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be a whole number from 0 to 4294967295, got ${seed}`);
  }
  return rows(count, seed);
}

function* rows(count: number, seed: number): Generator<SampleRow, void, undefined> {
  const ctx = context();
  const uniqueSlug = slugAllocator();
  for (let i = 0; i < count; i++) {
    const row = generateClinic(new Prng(seed, i), ctx);
    row.slug = uniqueSlug(row.slug);
    yield row;
  }
}

/** Hands out each base slug once, then the base with the first free suffix: "-2", "-3", … */
function slugAllocator() {
  const used = new Set<string>();
  const nextSuffix = new Map<string, number>();
  return (base: string): string => {
    let slug = base;
    if (used.has(base)) {
      let n = nextSuffix.get(base) ?? 2;
      while (used.has(`${base}-${n}`)) n++;
      nextSuffix.set(base, n + 1);
      slug = `${base}-${n}`;
    }
    used.add(slug);
    return slug;
  };
}

/** Weighted draws over the (cached) places and states, built once per run. */
function context() {
  const places = getPlaces();
  const stateWeights = getStateWeights();
  const states = [...stateWeights.keys()];
  return {
    pickPlace: weightedTable(
      places,
      places.map((p) => p.weight),
    ),
    pickState: weightedTable(
      states,
      states.map((s) => stateWeights.get(s) ?? 0),
    ),
  };
}

type Ctx = ReturnType<typeof context>;

// ---------------------------------------------------------------- one clinic

const pickClinicType = weightedTable<ClinicType>(
  ["infusion_clinic", "psychiatry_practice", "kap_practice", "telehealth", "hospital_program"],
  [0.55, 0.2, 0.13, 0.08, 0.04],
);

function generateClinic(rng: Prng, ctx: Ctx): Row {
  const id = rng.uuid();
  const clinicType = pickClinicType(rng);
  const place = ctx.pickPlace(rng);
  const { name, domain } = clinicName(rng, clinicType);
  const location = locate(rng, ctx, clinicType, place);
  const routes = chooseRoutes(rng, clinicType);
  const conditions = chooseConditions(rng, clinicType);
  const aftercare = chooseAftercare(rng, clinicType);
  const prices = choosePrices(rng, clinicType, place.state, routes, aftercare);
  const dates = chooseDates(rng);
  const logistics = chooseLogistics(rng, clinicType, place.state);
  const contact = {
    website: rng.chance(0.95) ? `https://${domain}` : null,
    // 555-0100 to 555-0199 are reserved for fiction; the area code is a real one of the state.
    phone: `(${AREA_CODES[place.state]}) 555-01${String(rng.int(0, 99)).padStart(2, "0")}`,
    contactEmail: rng.chance(0.85) ? `hello@${domain}` : null,
  };
  const status = rng.weighted(["published", "draft", "suspended"] as const, [0.97, 0.02, 0.01]);
  // Drawn last, so that adding it left every earlier draw (every other field) as it was.
  const writtenPlan = rng.chance(aftercare.aftercareWeeks >= 8 ? 0.6 : aftercare.followUp24h ? 0.35 : 0.1);

  // Every column written out in schema order rather than spread from the parts: it shows the whole row
  // at a glance, and one object shape for all rows is markedly faster to build than many spreads.
  return {
    id,
    slug: slugify(`${name} ${place.city} ${place.state}`),
    name,
    clinicType,
    description: describe({
      name,
      clinicType,
      city: place.city,
      state: place.state,
      statesServed: location.statesServed,
      routes,
      conditions,
    }),
    website: contact.website,
    phone: contact.phone,
    contactEmail: contact.contactEmail,
    street: location.street,
    city: place.city,
    state: place.state,
    postalCode: location.postalCode,
    lat: location.lat,
    lng: location.lng,
    statesServed: location.statesServed,
    routes,
    conditions,
    newPatientStatus: logistics.newPatientStatus,
    waitDays: logistics.waitDays,
    medicalLead: logistics.medicalLead,
    remsCertified: routes.includes("esketamine_nasal"), // Spravato may only be given at REMS-certified sites
    languages: logistics.languages,
    eveningHours: logistics.eveningHours,
    weekendHours: logistics.weekendHours,
    integrationTherapy: aftercare.integrationTherapy,
    integrationBy: aftercare.integrationBy,
    integrationFormats: aftercare.integrationFormats,
    supportGroups: aftercare.supportGroups,
    followUp24h: aftercare.followUp24h,
    onCall: aftercare.onCall,
    onCallHours: aftercare.onCallHours,
    prepSessions: aftercare.prepSessions,
    measurementBasedCare: aftercare.measurementBasedCare,
    digitalTools: aftercare.digitalTools,
    lifestyle: aftercare.lifestyle,
    recoveryRoom: aftercare.recoveryRoom,
    aftercareWeeks: aftercare.aftercareWeeks,
    writtenPlan,
    aftercareNotes: aftercare.aftercareNotes,
    consultFee: prices.consultFee,
    sessionMin: prices.sessionMin,
    sessionMax: prices.sessionMax,
    seriesSessions: prices.seriesSessions,
    seriesMin: prices.seriesMin,
    seriesMax: prices.seriesMax,
    boosterMin: prices.boosterMin,
    boosterMax: prices.boosterMax,
    integrationSessionFee: prices.integrationSessionFee,
    groupSessionFee: prices.groupSessionFee,
    insurance: prices.insurance,
    hsaFsa: prices.hsaFsa,
    financing: prices.financing,
    slidingScale: prices.slidingScale,
    refundPolicy: prices.refundPolicy,
    priceSource: "sample",
    priceUpdatedAt: dates.priceUpdatedAt,
    status,
    dataSource: "sample",
    lastVerifiedAt: dates.lastVerifiedAt,
    createdAt: dates.createdAt,
    updatedAt: dates.updatedAt,
    version: 1,
    patientConfirmed: false,
  };
}

interface Location {
  street: string | null;
  postalCode: string | null;
  lat: number | null;
  lng: number | null;
  statesServed: UsState[];
}

/** Physical clinics near a ZIP point of their city; telehealth services have a home city but no point. */
function locate(rng: Prng, ctx: Ctx, type: ClinicType, place: Place): Location {
  if (type === "telehealth") {
    // 1–15 states, most serving a handful; the home state always, the rest weighted to big states.
    const k = Math.min(15, 1 + Math.floor(14 * rng.float() ** 1.6));
    const served = new Set<UsState>([place.state]);
    for (let tries = 0; served.size < k && tries < 1000; tries++) served.add(ctx.pickState(rng));
    return { street: null, postalCode: null, lat: null, lng: null, statesServed: [...served].sort() };
  }
  const zip = rng.pick(place.zips);
  const point = randomPointNear(rng, zip.lat, zip.lng, JITTER_KM);
  return {
    street: streetAddress(rng),
    postalCode: zip.zip,
    lat: point.lat,
    lng: point.lng,
    statesServed: [place.state],
  };
}

// ---------------------------------------------------------------- care

/** Chance of offering each route, by kind of listing. */
const ROUTE_ODDS: Readonly<Record<ClinicType, Partial<Record<Route, number>>>> = {
  infusion_clinic: { iv_infusion: 0.97, im_injection: 0.45, esketamine_nasal: 0.2, sublingual_lozenge: 0.06, at_home: 0.08 },
  psychiatry_practice: { esketamine_nasal: 0.8, oral: 0.5, sublingual_lozenge: 0.2, im_injection: 0.12, iv_infusion: 0.08, at_home: 0.08 },
  kap_practice: { sublingual_lozenge: 0.8, im_injection: 0.55, at_home: 0.15, oral: 0.1 },
  telehealth: { at_home: 0.9, sublingual_lozenge: 0.55, oral: 0.4 },
  hospital_program: { iv_infusion: 0.9, esketamine_nasal: 0.7, im_injection: 0.1 },
}; // prettier-ignore

/** Which route a listing's per-session price is for: the first one it offers in this order. */
const PRICED_ROUTE_ORDER: Readonly<Record<ClinicType, readonly Route[]>> = {
  infusion_clinic: ["iv_infusion", "im_injection", "esketamine_nasal", "sublingual_lozenge", "at_home"],
  psychiatry_practice: ["esketamine_nasal", "iv_infusion", "im_injection", "sublingual_lozenge", "oral", "at_home"],
  kap_practice: ["im_injection", "sublingual_lozenge", "at_home", "oral"],
  telehealth: ["at_home", "sublingual_lozenge", "oral"],
  hospital_program: ["iv_infusion", "esketamine_nasal", "im_injection"],
}; // prettier-ignore

function chooseRoutes(rng: Prng, type: ClinicType): Route[] {
  const odds = ROUTE_ODDS[type];
  const routes = ROUTES.filter((r) => rng.chance(odds[r] ?? 0));
  // Every listing offers something: fall back to the kind's main route.
  return routes.length > 0 ? routes : [PRICED_ROUTE_ORDER[type][0] as Route];
}

const CONDITION_ODDS: Readonly<Record<Condition, number>> = {
  depression: 0.97,
  treatment_resistant_depression: 0.7,
  ptsd: 0.5,
  anxiety: 0.55,
  ocd: 0.15,
  bipolar_depression: 0.15,
  chronic_pain: 0.1, // raised for infusion and hospital listings below
  substance_use: 0.1,
  postpartum_depression: 0.1,
};

function chooseConditions(rng: Prng, type: ClinicType): Condition[] {
  const painClinic = type === "infusion_clinic" || type === "hospital_program";
  const conditions = CONDITIONS.filter((c) =>
    rng.chance(c === "chronic_pain" && painClinic ? 0.35 : CONDITION_ODDS[c]),
  );
  return conditions.length > 0 ? conditions : ["depression"];
}

const SPANISH_STATES: ReadonlySet<string> = new Set(["CA", "TX", "FL", "NY", "AZ", "NM", "NV", "IL", "NJ", "CO"]); // prettier-ignore
const OTHER_LANGUAGES = [
  "Mandarin", "Cantonese", "Vietnamese", "Korean", "Tagalog", "Russian", "Arabic", "French",
  "Portuguese", "Haitian Creole", "Hindi", "Polish", "American Sign Language",
] as const; // prettier-ignore

const MEDICAL_LEAD_MIX = {
  infusion_clinic: [0.45, 0.12, 0.15, 0.03, 0.25],
  psychiatry_practice: [0.65, 0.15, 0.2, 0, 0],
  kap_practice: [0.4, 0.1, 0.4, 0.1, 0],
  telehealth: [0.3, 0.05, 0.55, 0.1, 0],
  hospital_program: [0.9, 0.1, 0, 0, 0],
} as const satisfies Record<ClinicType, readonly number[]>; // weights of md, do, np, pa, crna

function chooseLogistics(rng: Prng, type: ClinicType, state: UsState) {
  const newPatientStatus = rng.weighted(
    ["accepting", "waitlist", "not_accepting"] as const,
    [0.85, 0.11, 0.04],
  );
  let waitDays: number | null;
  if (newPatientStatus === "accepting") {
    // Mostly within a week or two; a few clinics do not say.
    waitDays = rng.chance(0.08) ? null : Math.min(30, Math.floor(-Math.log(1 - rng.float()) * 5));
  } else if (newPatientStatus === "waitlist") {
    waitDays = rng.int(7, 30);
  } else {
    waitDays = rng.chance(0.6) ? null : rng.int(14, 30);
  }
  const languages = ["English"];
  if (rng.chance(SPANISH_STATES.has(state) ? 0.5 : 0.15)) languages.push("Spanish");
  if (rng.chance(state === "FL" ? 0.12 : 0.1)) {
    languages.push(state === "FL" && rng.chance(0.5) ? "Haitian Creole" : rng.pick(OTHER_LANGUAGES));
  }
  const online = type === "telehealth";
  return {
    newPatientStatus,
    waitDays,
    medicalLead: rng.chance(0.03)
      ? null
      : rng.weighted(["md", "do", "np", "pa", "crna"] as const, MEDICAL_LEAD_MIX[type]),
    languages,
    eveningHours: rng.chance(online ? 0.6 : 0.35),
    weekendHours: rng.chance(online ? 0.5 : 0.25),
  };
}

// ---------------------------------------------------------------- aftercare

/**
 * How committed a kind of listing is to aftercare on average: KAP practices build therapy into every
 * session; hospital programs have staff to follow up; many infusion clinics stop at the infusion.
 */
const COMMITMENT_SHIFT: Readonly<Record<ClinicType, number>> = {
  infusion_clinic: -0.04,
  psychiatry_practice: 0,
  kap_practice: 0.25,
  telehealth: 0.05,
  hospital_program: 0.1,
};

/** The share of listings that offer every aftercare feature. */
const FLAGSHIP_SHARE = 0.04;

type Aftercare = ReturnType<typeof chooseAftercare>;

/** The features the aftercare note can speak of. */
interface NoteFacts {
  integrationTherapy: IntegrationTherapy;
  integrationBy: string;
  supportGroups: SupportGroups;
  followUp24h: boolean;
  onCallHours: OnCallHours | null;
  aftercareWeeks: number;
}

/**
 * Aftercare from one latent "commitment" level c in [0, 1], so the features go together as they do in
 * reality (a clinic with integration therapy usually also follows up) instead of being independent
 * coin flips. c = u^1.6 skews low: many clinics offer little, a few offer a lot; a small share of
 * "flagship" clinics offer everything.
 */
function chooseAftercare(rng: Prng, type: ClinicType) {
  const flagship = rng.chance(FLAGSHIP_SHARE);
  const c = flagship ? 1 : Math.min(0.97, Math.max(0, rng.float() ** 1.6 + COMMITMENT_SHIFT[type]));
  const noisy = () => c + rng.normal(0, 0.15); // the level as one feature sees it
  const online = type === "telehealth";

  const s = noisy();
  const integrationTherapy: IntegrationTherapy =
    flagship || s > 0.62 ? "included" : s > 0.42 ? "add_on" : s > 0.22 ? "referral_only" : "none";
  const integrationBy =
    integrationTherapy === "none"
      ? ("none" as const)
      : flagship || type === "kap_practice" || (integrationTherapy === "referral_only" && rng.chance(0.85))
        ? ("licensed_therapist" as const)
        : rng.weighted(
            ["licensed_therapist", "coach", "peer"] as const,
            online ? [0.35, 0.55, 0.1] : [0.45 + 0.5 * c, 0.35, 0.15],
          );
  const integrationFormats =
    integrationTherapy === "none"
      ? []
      : online
        ? ["virtual" as const]
        : flagship
          ? ["in_person" as const, "virtual" as const]
          : rng.weighted(
              [["in_person" as const], ["virtual" as const], ["in_person" as const, "virtual" as const]],
              [0.35, 0.25, 0.4],
            );

  const supportGroups: SupportGroups =
    flagship || rng.chance(0.08 + 0.6 * c)
      ? online
        ? "virtual"
        : flagship
          ? "both"
          : rng.weighted(["in_person", "virtual", "both"] as const, [0.35, 0.4, 0.25])
      : "none";

  let onCall: OnCall = "none";
  let onCallHours: OnCallHours | null = null;
  if (flagship || rng.chance(0.1 + 0.7 * c)) {
    onCall = rng.weighted(
      ["nurse", "clinician", "coach"] as const,
      online
        ? [0.15, 0.4, 0.45]
        : type === "infusion_clinic" || type === "hospital_program"
          ? [0.55, 0.4, 0.05]
          : [0.15, 0.75, 0.1],
    );
    onCallHours = flagship
      ? "always"
      : rng.weighted(["business", "extended", "always"] as const, [1.2 - c, 0.6, 0.1 + 0.8 * c]);
  }

  const measurementBasedCare =
    flagship ||
    rng.chance(0.15 + 0.6 * c + (type === "psychiatry_practice" || type === "hospital_program" ? 0.15 : 0));
  const digitalTools = DIGITAL_TOOLS.filter((t) =>
    rng.chance(t === "outcome_tracking" && measurementBasedCare ? 0.3 + 0.5 * c : 0.03 + 0.45 * c),
  );
  if (flagship && digitalTools.length === 0) digitalTools.push(rng.pick(DIGITAL_TOOLS));
  const lifestyle = LIFESTYLE.filter(() => rng.chance(0.02 + 0.35 * c));
  if (flagship && lifestyle.length === 0) lifestyle.push(rng.pick(LIFESTYLE));

  // A recovery room is a property of the building, loosely tied to commitment.
  const recoveryRoomOdds: Record<ClinicType, number> = {
    infusion_clinic: 0.65 + 0.25 * c,
    psychiatry_practice: 0.45 + 0.3 * c,
    kap_practice: 0.4 + 0.2 * c,
    telehealth: 0,
    hospital_program: 0.85,
  };
  const recoveryRoom = !online && (flagship || rng.chance(recoveryRoomOdds[type]));

  const w = noisy();
  const aftercareWeeks = flagship
    ? rng.int(12, 26)
    : w < 0.15
      ? 0
      : Math.min(26, Math.max(0, Math.round(w * 24 * rng.range(0.6, 1.2))));

  const followUp24h = flagship || rng.chance(0.12 + 0.7 * c);
  const prepSessions = flagship ? rng.int(1, 3) : Math.min(3, Math.max(0, Math.round(noisy() * 3.2 - 0.4)));
  const facts = {
    integrationTherapy,
    integrationBy,
    supportGroups,
    followUp24h,
    onCallHours,
    aftercareWeeks,
  };
  return {
    integrationTherapy,
    integrationBy,
    integrationFormats,
    supportGroups,
    followUp24h,
    onCall,
    onCallHours,
    prepSessions,
    measurementBasedCare,
    digitalTools,
    lifestyle,
    recoveryRoom,
    aftercareWeeks,
    aftercareNotes: aftercareNote(rng, facts),
  };
}

/** One plain sentence about the clinic's aftercare, consistent with its features; often none. */
function aftercareNote(rng: Prng, f: NoteFacts): string {
  const options: string[] = [];
  if (f.integrationTherapy === "included") {
    options.push(
      f.integrationBy === "licensed_therapist"
        ? "Integration sessions with a licensed therapist are part of every treatment series."
        : "Integration support is included with every treatment series.",
    );
  }
  if (f.integrationTherapy === "add_on") options.push("Integration sessions are available at an extra cost.");
  if (f.integrationTherapy === "referral_only")
    options.push("We can refer you to a local integration therapist.");
  if (f.followUp24h) options.push("We check in with you within a day of every treatment.");
  if (f.supportGroups !== "none")
    options.push("A support circle meets every month for current and past patients.");
  if (f.onCallHours === "always")
    options.push("Someone is on call day and night during your treatment series.");
  if (f.aftercareWeeks >= 8)
    options.push(`Check-ins continue for ${f.aftercareWeeks} weeks after your last session.`);
  if (options.length === 0) options.push("We work with your own therapist on aftercare.");
  return rng.chance(0.35) ? "" : rng.pick(options);
}

// ---------------------------------------------------------------- prices

/** Per-session price in dollars for each route: typical centre and the range DESIGN.md gives. */
const SESSION_PRICE: Readonly<Record<Route, { mid: number; min: number; max: number }>> = {
  iv_infusion: { mid: 600, min: 300, max: 1500 },
  im_injection: { mid: 400, min: 275, max: 600 },
  esketamine_nasal: { mid: 800, min: 600, max: 1050 }, // Spravato cash price
  sublingual_lozenge: { mid: 350, min: 200, max: 600 }, // in-office KAP session
  at_home: { mid: 180, min: 130, max: 250 },
  oral: { mid: 180, min: 130, max: 250 },
};

/** Chance that a listing sells a package (series) and boosters, by its priced route. */
const PACKAGE_ODDS: Readonly<Record<Route, { series: number; booster: number }>> = {
  iv_infusion: { series: 0.8, booster: 0.85 },
  im_injection: { series: 0.5, booster: 0.6 },
  esketamine_nasal: { series: 0, booster: 0 }, // Spravato is billed per session, maintenance included
  sublingual_lozenge: { series: 0.4, booster: 0.5 },
  at_home: { series: 0.75, booster: 0.6 },
  oral: { series: 0, booster: 0 },
};

/** IV series of six: DESIGN.md's range in dollars. */
const IV_SERIES_MIN = 2400;
const IV_SERIES_MAX = 6400;

/** Where care costs more or less than the national middle. */
const STATE_COST: Partial<Record<UsState, number>> = {
  CA: 1.12, NY: 1.12, DC: 1.1, MA: 1.1, NJ: 1.06, WA: 1.06, CT: 1.05, HI: 1.08,
  MS: 0.92, AR: 0.92, AL: 0.93, WV: 0.92, OK: 0.94, KY: 0.94,
}; // prettier-ignore

const REFUND_POLICIES = [
  "Cancel at least 48 hours before a session for a full refund.",
  "Unused sessions in a series are refunded.",
  "Deposits are refundable until your first session.",
  "No refunds for sessions missed without 24 hours' notice.",
];

/** Whole dollars to cents; unknown stays unknown. */
const cents = (dollars: number | null): number | null =>
  dollars === null ? null : Math.round(dollars) * 100;
/** Rounds to the step a clinic would quote: $5 under $300, $25 above. */
const quote = (dollars: number) =>
  dollars < 300 ? Math.round(dollars / 5) * 5 : Math.round(dollars / 25) * 25;
const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

function choosePrices(
  rng: Prng,
  type: ClinicType,
  state: UsState,
  routes: readonly Route[],
  aftercare: Aftercare,
) {
  const route = PRICED_ROUTE_ORDER[type].find((r) => routes.includes(r)) ?? (routes[0] as Route);
  const band = SESSION_PRICE[route];
  // Lognormal spread around the centre; a few premium clinics charge well above it.
  const level = (STATE_COST[state] ?? 1) * Math.exp(rng.normal(0, 0.17)) * (rng.chance(0.06) ? 1.6 : 1);
  const odds = PACKAGE_ODDS[route];
  const offersSeries = rng.chance(odds.series);

  let sessionMin: number = quote(clamp(band.mid * level, band.min, band.max));
  // An IV series costs at least $2,400 and less than six single sessions, so an IV clinic that sells
  // one charges at least $450 a session.
  if (route === "iv_infusion" && offersSeries) sessionMin = Math.max(sessionMin, 450);
  const sessionMax = rng.chance(0.45)
    ? sessionMin
    : quote(clamp(sessionMin * rng.range(1.1, 1.5), sessionMin, band.max));

  let seriesSessions: number | null = null;
  let seriesMin: number | null = null;
  let seriesMax: number | null = null;
  if (offersSeries) {
    seriesSessions =
      route === "iv_infusion"
        ? rng.weighted([6, 4, 8], [0.85, 0.05, 0.1])
        : route === "sublingual_lozenge"
          ? rng.pick([3, 6])
          : rng.pick([4, 6]);
    const discount = rng.range(0.82, 0.97); // packages cost a bit less than the sessions one by one
    const [lo, hi] =
      route === "iv_infusion"
        ? [(IV_SERIES_MIN * seriesSessions) / 6, (IV_SERIES_MAX * seriesSessions) / 6]
        : [0, Infinity];
    seriesMin = quote(clamp(seriesSessions * sessionMin * discount, lo, hi));
    seriesMax = quote(clamp(seriesSessions * sessionMax * discount, seriesMin, hi));
  }

  let boosterMin: number | null = null;
  let boosterMax: number | null = null;
  if (rng.chance(odds.booster)) {
    const [lo, hi] = route === "iv_infusion" ? [400, 800] : [band.min, band.max];
    const factor = rng.range(0.85, 1);
    boosterMin = quote(clamp(sessionMin * factor, lo, hi));
    boosterMax = quote(clamp(sessionMax * factor, boosterMin, hi));
  }

  const consultFee: number | null = rng.chance(0.15) ? 0 : quote(rng.clampedNormal(225, 50, 150, 350));
  const integrationSessionFee =
    aftercare.integrationTherapy === "add_on" ||
    (aftercare.integrationTherapy === "included" && rng.chance(0.4))
      ? quote(rng.clampedNormal(210, 35, 150, 300)) // "included" clinics charge this for sessions beyond the package
      : null;
  // Peer-led groups are often free; facilitated circles $30–80.
  const groupSessionFee =
    aftercare.supportGroups === "none"
      ? null
      : rng.chance(0.4)
        ? 0
        : quote(rng.clampedNormal(50, 12, 30, 80));

  const esketamine = routes.includes("esketamine_nasal");
  const insurance: Insurance = esketamine
    ? rng.weighted(["spravato_only", "in_network", "superbill", "none"] as const, [0.6, 0.12, 0.13, 0.15])
    : type === "hospital_program"
      ? rng.weighted(["in_network", "superbill", "none"] as const, [0.35, 0.25, 0.4])
      : rng.weighted(["none", "superbill", "in_network"] as const, [0.72, 0.24, 0.04]);

  const prices = {
    consultFee: cents(consultFee),
    sessionMin: cents(sessionMin),
    sessionMax: cents(sessionMax),
    seriesSessions,
    seriesMin: cents(seriesMin),
    seriesMax: cents(seriesMax),
    boosterMin: cents(boosterMin),
    boosterMax: cents(boosterMax),
    integrationSessionFee: cents(integrationSessionFee),
    groupSessionFee: cents(groupSessionFee),
    insurance,
    hsaFsa: rng.chance(0.82),
    financing: rng.chance(type === "telehealth" ? 0.3 : 0.55),
    slidingScale: rng.chance(type === "kap_practice" || type === "telehealth" ? 0.2 : 0.08),
    refundPolicy: rng.chance(0.4) ? "" : rng.pick(REFUND_POLICIES),
  };
  // About one listing in ten leaves some prices unknown; min/max pairs go unknown together.
  if (rng.chance(0.1)) {
    const known = UNKNOWABLE_PRICES.filter((group) => group.every((k) => prices[k] !== null));
    for (const group of rng.sample(known, rng.int(1, 3))) for (const k of group) prices[k] = null;
  }
  return prices;
}

/** The prices a listing may leave unknown, in the groups that are known or unknown together. */
const UNKNOWABLE_PRICES = [
  ["consultFee"],
  ["sessionMin", "sessionMax"],
  ["seriesSessions", "seriesMin", "seriesMax"],
  ["boosterMin", "boosterMax"],
  ["integrationSessionFee"],
  ["groupSessionFee"],
] as const;

// ---------------------------------------------------------------- dates

function chooseDates(rng: Prng) {
  const epoch = SAMPLE_EPOCH.getTime();
  // Whole seconds, like timestamps a database would hand back.
  const createdAt = epoch - rng.int(30, 3 * 365) * DAY_MS - rng.int(0, 86_399) * 1000;
  const updatedAt = createdAt + Math.floor((rng.float() * (epoch - createdAt)) / 1000) * 1000;
  const lastVerifiedAt = rng.chance(0.85)
    ? new Date(updatedAt + Math.floor((rng.float() * (epoch - updatedAt)) / 1000) * 1000)
    : null;
  const priceUpdatedAt = new Date(createdAt + rng.float() * (epoch - createdAt)).toISOString().slice(0, 10);
  return { createdAt: new Date(createdAt), updatedAt: new Date(updatedAt), lastVerifiedAt, priceUpdatedAt };
}

// ---------------------------------------------------------------- contact

/** One real area code per state for the fictional 555-01xx numbers, so a listing's number looks local. */
const AREA_CODES: Readonly<Record<UsState, number>> = {
  AL: 205, AK: 907, AZ: 602, AR: 501, CA: 213, CO: 303, CT: 203, DE: 302, DC: 202, FL: 305, GA: 404,
  HI: 808, ID: 208, IL: 312, IN: 317, IA: 515, KS: 316, KY: 502, LA: 504, ME: 207, MD: 410, MA: 617,
  MI: 313, MN: 612, MS: 601, MO: 314, MT: 406, NE: 402, NV: 702, NH: 603, NJ: 201, NM: 505, NY: 212,
  NC: 704, ND: 701, OH: 216, OK: 405, OR: 503, PA: 215, RI: 401, SC: 803, SD: 605, TN: 615, TX: 214,
  UT: 801, VT: 802, VA: 804, WA: 206, WV: 304, WI: 414, WY: 307,
}; // prettier-ignore
