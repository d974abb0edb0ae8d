import { sql, type SQL } from "drizzle-orm";
import { clinics, clinicSearch } from "@/db/schema";
import { CLINIC_TYPE_LABELS, CONDITION_LABELS, ROUTE_LABELS, STATE_NAMES } from "@/lib/labels";
import { condSql } from "./search-table";
import {
  searchWords,
  STOP_WORDS,
  SYNONYM_GROUPS,
  type FilterableAttribute,
  type SearchableAttribute,
} from "./settings";

/**
 * The words of a search as the PostgreSQL fallback matches them, the way Meilisearch does: every
 * word must be found (as a whole word, the last one also as the start of a word) in one of the
 * searchable fields, or one of its synonyms must; multi-word synonyms match as phrases; stop words
 * are dropped. No typo tolerance: a misspelt word finds what it spells.
 *
 * The free-text fields are kept in the stored `search_vector` column (migration
 * `0003_clinic_search_vector.sql`, a GIN index), folded as `searchTokens` folds the query. The
 * labels Meilisearch also searches (state names, kind of clinic, treatments, conditions) are matched
 * here, against the label maps, and become filter conditions on the values they label (tests of
 * `facet_bits` in `clinic_search`, lib/search/search-table.ts): the labels stay declared once, in
 * `lib/labels.ts`. The condition reads `clinic_search`; the words are looked up in the GIN index of
 * `clinics` by id.
 */

const c = clinics;
const VECTOR = sql`${c}."search_vector"`;

type LabelField = {
  /** The filter attribute holding the value (or values) whose label the document carries. */
  attr: FilterableAttribute;
  labels: Readonly<Record<string, string>>;
};
/** How the fallback searches each field Meilisearch searches: in `search_vector`, or through labels. */
type How = "vector" | LabelField;

export const FALLBACK_TEXT_FIELDS: Record<SearchableAttribute, How> = {
  name: "vector",
  city: "vector",
  state: "vector",
  languages: "vector",
  aftercareNotes: "vector",
  description: "vector",
  stateName: { attr: "state", labels: STATE_NAMES },
  clinicTypeLabel: { attr: "clinicType", labels: CLINIC_TYPE_LABELS },
  routeLabels: { attr: "routes", labels: ROUTE_LABELS },
  conditionLabels: { attr: "conditions", labels: CONDITION_LABELS },
};

/** Lower case, accents off, split at anything but a letter or digit (as `search_vector` is built). */
export function searchTokens(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const STOP = new Set(STOP_WORDS);

/** A word, or a phrase of words in a row (`null`: a stop word, any word at that place). */
type Term = { words: (string | null)[]; prefix: boolean };
type Node = Term | { op: "and" | "or"; items: Node[] };

const termOf = (text: string): Term => ({
  words: searchTokens(text).map((w) => (STOP.has(w) ? null : w)),
  prefix: false,
});
const keyOf = (text: string) =>
  searchTokens(text)
    .filter((w) => !STOP.has(w))
    .join(" ");

/** Each synonym (by its words without stop words) and the terms it also stands for. */
const SYNONYMS: ReadonlyMap<string, Term[]> = (() => {
  const out = new Map<string, Term[]>();
  for (const group of SYNONYM_GROUPS) {
    for (const word of group) {
      const others = group.filter((w) => w !== word).map(termOf);
      out.set(keyOf(word), [...(out.get(keyOf(word)) ?? []), ...others]);
    }
  }
  return out;
})();
const LONGEST_SYNONYM = Math.max(...[...SYNONYMS.keys()].map((k) => k.split(" ").length));

/** The query words to match: stop words out, the last one also a prefix (as Meilisearch reads it). */
export function queryTokens(q: string): string[] {
  return searchWords(q)
    .flatMap(searchTokens)
    .filter((w) => !STOP.has(w));
}

/**
 * Every way of reading the words: word by word (each word or a synonym of it), or a run of words
 * that is a synonym, replaced by the phrases it stands for.
 */
function readings(tokens: string[]): Node | undefined {
  const memo = new Map<number, Node | undefined>();
  const from = (i: number): Node | undefined => {
    if (i === tokens.length) return undefined;
    if (memo.has(i)) return memo.get(i);
    const ways: Node[] = [];
    for (let len = 1; len <= LONGEST_SYNONYM && i + len <= tokens.length; len++) {
      const key = tokens.slice(i, i + len).join(" ");
      const alternatives: Term[] =
        len === 1 ? [{ words: [key], prefix: i === tokens.length - 1 }, ...(SYNONYMS.get(key) ?? [])] : (SYNONYMS.get(key) ?? []); // prettier-ignore
      if (alternatives.length === 0) continue;
      const here: Node = alternatives.length === 1 ? alternatives[0]! : { op: "or", items: alternatives };
      const rest = from(i + len);
      ways.push(rest ? { op: "and", items: [here, rest] } : here);
    }
    const node = ways.length === 1 ? ways[0] : { op: "or" as const, items: ways };
    memo.set(i, node);
    return node;
  };
  return from(0);
}

/** The words of a term without the stop words around it. */
function trimmed(t: Term): (string | null)[] {
  let [a, b] = [0, t.words.length];
  while (a < b && t.words[a] === null) a++;
  while (b > a && t.words[b - 1] === null) b--;
  return t.words.slice(a, b);
}

/** A term as a tsquery: `'a' <-> 'b'`, `'a' <2> 'c'` over a stop word, `'a':*` for a prefix. */
function termQuery(t: Term): string {
  const words = trimmed(t);
  let out = "";
  let gap = 0;
  words.forEach((w, i) => {
    if (w === null) return void gap++;
    // Words are letters and digits only (searchTokens), so quoting them is enough.
    const lexeme = `'${w}'${t.prefix && i === words.length - 1 ? ":*" : ""}`;
    out += out ? ` <${gap + 1}> ${lexeme}` : lexeme;
    gap = 0;
  });
  return out;
}

/** Whether a label holds the term: its words in a row (the last one as a prefix, for a prefix term). */
function labelHas(label: string, t: Term): boolean {
  const words = trimmed(t);
  const have = searchTokens(label);
  for (let start = 0; start + words.length <= have.length; start++) {
    const ok = words.every((w, j) => {
      const got = have[start + j]!;
      if (w === null) return true;
      if (STOP.has(got)) return false;
      return t.prefix && j === words.length - 1 ? got.startsWith(w) : got === w;
    });
    if (ok) return true;
  }
  return false;
}

/**
 * The conditions on the labelled values under which a listing's labels hold any of the terms: one
 * per attribute, so synonyms that label the same value ("spravato", "esketamine", "nasal spray")
 * test it once.
 */
function labelConditions(...terms: Term[]): SQL[] {
  const out: SQL[] = [];
  for (const how of Object.values(FALLBACK_TEXT_FIELDS)) {
    if (how === "vector") continue;
    const values = Object.keys(how.labels).filter((v) => terms.some((t) => labelHas(how.labels[v]!, t)));
    if (values.length) out.push(condSql({ op: "in", attr: how.attr, values }));
  }
  return out;
}

const isTerm = (n: Node): n is Term => "words" in n;

/** A node as one tsquery, when no part of it needs a label (undefined otherwise). */
function pureQuery(n: Node): string | undefined {
  if (isTerm(n)) return labelConditions(n).length ? undefined : `(${termQuery(n)})`;
  const parts = n.items.map(pureQuery);
  if (parts.some((p) => p === undefined)) return undefined;
  return `(${parts.join(n.op === "and" ? " & " : " | ")})`;
}

/** The listing's free-text fields match: its id is among those the GIN index finds. */
const matches = (tsquery: string) =>
  sql`(${clinicSearch.id} in (select ${c.id} from ${c} where ${VECTOR} @@ ${tsquery}::tsquery))`;

function toSql(n: Node): SQL {
  const pure = pureQuery(n);
  if (pure !== undefined) return matches(pure);
  if (isTerm(n)) return sql`(${sql.join([matches(termQuery(n)), ...labelConditions(n)], sql` or `)})`;
  const joiner = n.op === "and" ? " & " : " | ";
  const plain: string[] = [];
  const labelled: Term[] = [];
  const rest: SQL[] = [];
  for (const item of n.items) {
    const p = pureQuery(item);
    if (p !== undefined) plain.push(p);
    else if (n.op === "or" && isTerm(item)) {
      // a | b matches where a matches or b does: the words go into the one tsquery, the labels beside it.
      plain.push(`(${termQuery(item)})`);
      labelled.push(item);
    } else rest.push(toSql(item));
  }
  // The words are searched together, as one tsquery (one look-up in the GIN index).
  const parts = [
    ...(plain.length ? [matches(plain.join(joiner))] : []),
    ...(labelled.length ? labelConditions(...labelled) : []),
    ...rest,
  ];
  return sql`(${sql.join(parts, n.op === "and" ? sql` and ` : sql` or `)})`;
}

/**
 * The condition, over `clinic_search`, "the listing matches the words of `q`"; undefined when there
 * are none to match.
 */
export function textMatchSql(q: string): SQL | undefined {
  const node = readings(queryTokens(q));
  return node && toSql(node);
}
