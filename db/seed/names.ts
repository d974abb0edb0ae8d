import type { ClinicType, Condition, Route } from "../enums";
import type { Prng } from "./prng";

/**
 * Invented, place-like words for fictional clinic names and streets: a calm root (a plant or bird)
 * joined to an old English place-name ending, e.g. "Lumenwick", "Fernhollow". The joined words are not
 * dictionary words. Endings that make common real place names ("-wood", "-brook", "-dale", "-field",
 * "-ley", "-ton") are left out on purpose, so a generated name does not read as a real clinic's.
 */
const ROOTS = [
  "Lumen", "Fern", "Quill", "Wren", "Alder", "Tansy", "Sorrel", "Linden", "Rowan", "Clover",
  "Juniper", "Thistle", "Aster", "Bryony", "Calla", "Laurel", "Marram", "Sedge", "Yarrow", "Mallow",
  "Heron", "Plover", "Kestrel", "Dapple", "Sparrow", "Willet", "Teasel", "Osier",
] as const; // prettier-ignore

const ENDINGS = [
  "wick", "mere", "fen", "hollow", "brae", "holme", "lowe", "wyn", "croft", "combe",
  "shaw", "dene", "garth", "mead", "stowe", "bourne", "thwaite", "rill",
] as const; // prettier-ignore

/** Every invented word, e.g. "Lumenwick". */
const INVENTED_WORDS: readonly string[] = ROOTS.flatMap((r) => ENDINGS.map((e) => r + e));

const INVENTED = new Set(INVENTED_WORDS);

/** True when `word` is one of the invented words (tests check that every name starts with one). */
export function isInventedWord(word: string): boolean {
  return INVENTED.has(word);
}

/** The second half of a name for each kind of listing, and the word its fictional web domain uses. */
const KINDS: Readonly<Record<ClinicType, readonly { label: string; domain: string }[]>> = {
  infusion_clinic: [
    { label: "Ketamine Clinic", domain: "ketamine" },
    { label: "Infusion Center", domain: "infusion" },
    { label: "Ketamine Infusion Center", domain: "ketamine" },
    { label: "Ketamine & Wellness", domain: "wellness" },
  ],
  psychiatry_practice: [
    { label: "Integrative Psychiatry", domain: "psychiatry" },
    { label: "Psychiatry", domain: "psychiatry" },
    { label: "Psychiatric Associates", domain: "psychiatry" },
    { label: "Mental Health Partners", domain: "mentalhealth" },
  ],
  kap_practice: [
    { label: "KAP Practice", domain: "kap" },
    { label: "Ketamine-Assisted Therapy", domain: "kap" },
    { label: "Psychotherapy Collective", domain: "therapy" },
  ],
  telehealth: [
    { label: "Telehealth", domain: "telehealth" },
    { label: "Ketamine Telehealth", domain: "telehealth" },
    { label: "Online Ketamine Care", domain: "online" },
  ],
  hospital_program: [
    { label: "Health Interventional Psychiatry Program", domain: "health" },
    { label: "Medical Center Ketamine Service", domain: "medical" },
  ],
};

/** A fictional name and the matching reserved `.example` domain (RFC 2606), e.g. lumenwick-ketamine.example. */
export function clinicName(rng: Prng, type: ClinicType): { name: string; word: string; domain: string } {
  const word = rng.pick(INVENTED_WORDS);
  const kind = rng.pick(KINDS[type]);
  return { name: `${word} ${kind.label}`, word, domain: `${word.toLowerCase()}-${kind.domain}.example` };
}

const STREET_TYPES = ["Street", "Avenue", "Road", "Way", "Lane", "Boulevard", "Drive", "Court", "Parkway"];

/** A fictional street address: the street name is an invented word. */
export function streetAddress(rng: Prng): string {
  const street = `${rng.int(100, 9899)} ${rng.pick(INVENTED_WORDS)} ${rng.pick(STREET_TYPES)}`;
  return rng.chance(0.45) ? `${street}, Suite ${rng.int(1, 9) * 100 + rng.int(0, 40)}` : street;
}

/** Lower-case ASCII words joined by hyphens: "Ketamine & Wellness" → "ketamine-wellness". */
export function slugify(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

// ---------------------------------------------------------------- description prose

const TYPE_PHRASE: Readonly<Record<ClinicType, string>> = {
  infusion_clinic: "a ketamine infusion clinic",
  psychiatry_practice: "a psychiatry practice",
  kap_practice: "a ketamine-assisted psychotherapy (KAP) practice",
  telehealth: "an online (telehealth) ketamine service",
  hospital_program: "a hospital-based interventional psychiatry program",
};

const ROUTE_PHRASE: Readonly<Record<Route, string>> = {
  iv_infusion: "IV infusions",
  im_injection: "intramuscular (IM) injections",
  sublingual_lozenge: "lozenges that dissolve under the tongue",
  oral: "oral ketamine",
  esketamine_nasal: "Spravato (esketamine) nasal spray",
  at_home: "guided at-home sessions",
};

const CONDITION_PHRASE: Readonly<Record<Condition, string>> = {
  depression: "depression",
  treatment_resistant_depression: "treatment-resistant depression",
  ptsd: "PTSD",
  anxiety: "anxiety",
  ocd: "OCD",
  bipolar_depression: "bipolar depression",
  chronic_pain: "chronic pain",
  substance_use: "substance use",
  postpartum_depression: "postpartum depression",
};

/** "a", "a and b", "a, b and c". */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A short plain-text description; always starts with "Fictional sample listing." */
export function describe(c: {
  name: string;
  clinicType: ClinicType;
  city: string;
  state: string;
  statesServed: readonly string[];
  routes: readonly Route[];
  conditions: readonly Condition[];
}): string {
  const where =
    c.clinicType === "telehealth"
      ? `based in ${c.city}, ${c.state}, serving ${c.statesServed.length === 1 ? "patients in 1 state" : `patients in ${c.statesServed.length} states`}`
      : `in ${c.city}, ${c.state}`;
  return (
    `Fictional sample listing. ${c.name} is ${TYPE_PHRASE[c.clinicType]} ${where}. ` +
    `It treats ${list(c.conditions.map((x) => CONDITION_PHRASE[x]))} ` +
    `with ${list(c.routes.map((r) => ROUTE_PHRASE[r]))}.`
  );
}
