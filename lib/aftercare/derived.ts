import type { Clinic, DerivedFields } from "@/db/schema";
import { courseTotal, effectiveSessionPrice, type CostInput } from "./cost";
import { offersIntegration } from "./offers";
import { aftercareScore, type ScoreInput } from "./score";

/**
 * The derived facts of a listing, computed from its own fields by the pure functions of
 * lib/aftercare and stored in the `clinics` columns of the same names (db/schema.ts,
 * `derivedColumns`) at every write. This is their one definition: search documents, the PostgreSQL
 * fallback, the cost pages and the profiles read the stored columns.
 *
 * Bump `DERIVED_VERSION` whenever what this function returns changes for some row: the migrate
 * step then recomputes every stored row (`backfillDerived`), and the search index, whose document
 * version includes it, is rebuilt.
 */
export const DERIVED_VERSION = 1;

/** The listing fields the derived facts read (and nothing else). */
export type DeriveInput = ScoreInput & CostInput & Pick<Clinic, "clinicType" | "routes" | "statesServed">;

export function deriveListing(c: DeriveInput): DerivedFields {
  const score = aftercareScore(c);
  const course = courseTotal(c);
  const price = effectiveSessionPrice(c);
  const telehealth = c.clinicType === "telehealth" || c.routes.includes("at_home");
  return {
    derivedVersion: DERIVED_VERSION,
    aftercareScore: score.total,
    aftercareSupports: score.items.filter((i) => i.points > 0).length,
    aftercareParts: Object.fromEntries(score.items.map((i) => [i.key, i.points])),
    courseLow: course?.low ?? null,
    courseHigh: course?.high ?? null,
    sessionPrice: price?.cents ?? null,
    sessionPricePackage: price?.packageSessions ?? null,
    telehealth,
    telehealthStates: telehealth ? c.statesServed : [],
    offersIntegration: offersIntegration(c.integrationTherapy),
    integrationLicensed: c.integrationTherapy !== "none" && c.integrationBy === "licensed_therapist",
    hasPrep: c.prepSessions >= 1,
    onCallHoursOffered: c.onCall === "none" ? null : c.onCallHours,
    groupFormats:
      c.supportGroups === "both"
        ? ["in_person", "virtual"]
        : c.supportGroups === "none"
          ? []
          : [c.supportGroups],
  };
}

/** A listing row with its derived facts (for inserts: the seed, tests). */
export function withDerived<T extends DeriveInput>(row: T): T & DerivedFields {
  return { ...row, ...deriveListing(row) };
}
