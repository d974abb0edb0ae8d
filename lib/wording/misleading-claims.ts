import data from "./misleading-claims.json";

/**
 * The check of a listing's free text against the claims a ketamine clinic must not make. The list
 * itself is data, in `misleading-claims.json` (the one declaration: the editor's live warning, the
 * server on every save and CSV import, the editors' queue and the tests all read it from there).
 * Pure and dependency-free, so the browser runs the same check as the server.
 */

export type MisleadingClaim = {
  id: string;
  label: string;
  pattern: string;
  why: string;
  flagged: string;
  fine: string;
};

export const MISLEADING_CLAIMS: readonly MisleadingClaim[] = data.claims;

/** The listing fields whose text is checked: everything a clinic writes in its own words. */
export const CHECKED_FIELDS = ["name", "description", "aftercareNotes", "refundPolicy"] as const;
export type CheckedField = (typeof CHECKED_FIELDS)[number];

/** One flagged phrase: where it is (`start`/`end` are offsets into that field's text) and which claim. */
export type ClaimMatch = { field: CheckedField; claim: string; start: number; end: number; text: string };

const COMPILED = MISLEADING_CLAIMS.map((c) => ({ claim: c, re: new RegExp(c.pattern, "giu") }));

/**
 * The flagged phrases in one text, in reading order: a listing field's (`findInText`) or other text a
 * clinic publishes in its own words (its reply to a patient's comment).
 */
export function claimsInText(text: string): Omit<ClaimMatch, "field">[] {
  const out: Omit<ClaimMatch, "field">[] = [];
  for (const { claim, re } of COMPILED) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      if (m[0] === "") continue;
      out.push({ claim: claim.id, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The flagged phrases in one field's text, in reading order (`field` is copied onto each match). */
export function findInText(field: CheckedField, text: string): ClaimMatch[] {
  return claimsInText(text).map((m) => ({ field, ...m }));
}

/** The flagged phrases in every checked field of a listing's values (missing fields are skipped). */
export function findMisleadingClaims(values: Partial<Record<CheckedField, unknown>>): ClaimMatch[] {
  return CHECKED_FIELDS.flatMap((f) => {
    const v = values[f];
    return typeof v === "string" && v !== "" ? findInText(f, v) : [];
  });
}

const BY_ID = new Map(MISLEADING_CLAIMS.map((c) => [c.id, c]));

/** The entry of a match (its label and why); undefined for an id the list no longer has. */
export const claimById = (id: string): MisleadingClaim | undefined => BY_ID.get(id);

/**
 * A text cut into plain and flagged pieces, for highlighting (each piece is rendered as text, never
 * as HTML). Overlapping matches are merged into one flagged piece carrying every claim id.
 */
export function segments(
  text: string,
  matches: readonly Pick<ClaimMatch, "start" | "end" | "claim">[],
): { text: string; claims: string[] }[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number; claims: string[] }[] = [];
  for (const m of sorted) {
    const last = merged.at(-1);
    if (last && m.start < last.end) {
      last.end = Math.max(last.end, m.end);
      if (!last.claims.includes(m.claim)) last.claims.push(m.claim);
    } else merged.push({ start: m.start, end: m.end, claims: [m.claim] });
  }
  const out: { text: string; claims: string[] }[] = [];
  let at = 0;
  for (const m of merged) {
    if (m.start > at) out.push({ text: text.slice(at, m.start), claims: [] });
    out.push({ text: text.slice(m.start, m.end), claims: m.claims });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), claims: [] });
  return out;
}
