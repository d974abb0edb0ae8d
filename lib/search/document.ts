import { DERIVED_VERSION } from "@/lib/aftercare/derived";
import { CLINIC_TYPE_LABELS, CONDITION_LABELS, ROUTE_LABELS, STATE_NAMES } from "@/lib/labels";
import type { Clinic } from "@/db/schema";
import type { UsState } from "@/db/enums";
import { dollars, filterFields, registryFingerprint } from "./registry";

export { dollars };

/** Sorting by price puts listings with no known price last. */
export const UNKNOWN_PRICE_SORT = 1_000_000;

/**
 * Bump when a document field other than the registry's filter fields is added or changes meaning.
 */
const DOC_SHAPE = 5;

/**
 * The version of the document shape: it changes with `DOC_SHAPE`, with the definition of the stored
 * derived facts (`DERIVED_VERSION`) and with the filter registry. The launcher rebuilds an index
 * whose documents carry another version (`indexIsCurrent`).
 */
export const DOC_VERSION = registryFingerprint(DOC_SHAPE * 1000 + DERIVED_VERSION);

/**
 * The search document of a clinic row: flat, with labels for full-text search, the row's stored
 * derived facts (aftercare score, course estimate, …: db/schema.ts `derivedColumns`), the
 * registry's filter fields and the coordinates (only when known: `lat EXISTS` means "has a
 * place"). Everything here is read from the row, so the index can always be rebuilt from PostgreSQL.
 */
export function toSearchDocument(c: Clinic) {
  const sessionPrice = dollars(c.sessionPrice);
  return {
    id: c.id,
    docVersion: DOC_VERSION,
    slug: c.slug,
    name: c.name,
    clinicTypeLabel: CLINIC_TYPE_LABELS[c.clinicType],
    stateName: STATE_NAMES[c.state as UsState] ?? c.state,
    postalCode: c.postalCode,
    statesServed: c.statesServed,
    telehealth: c.telehealth,
    ...(c.lat != null && c.lng != null ? { lat: c.lat, lng: c.lng } : {}),
    routeLabels: c.routes.map((r) => ROUTE_LABELS[r]),
    conditionLabels: c.conditions.map((x) => CONDITION_LABELS[x]),
    newPatientStatus: c.newPatientStatus,
    waitDays: c.waitDays,
    integrationBy: c.integrationBy,
    integrationFormats: c.integrationFormats,
    groupFormats: c.groupFormats,
    prepSessions: c.prepSessions,
    aftercareWeeks: c.aftercareWeeks,
    aftercareNotes: c.aftercareNotes,
    aftercareScore: c.aftercareScore,
    /** How many of the score's supports the clinic gives at all ("9 of 11 supports" on a card). */
    aftercareSupports: c.aftercareSupports,
    consultFee: dollars(c.consultFee),
    sessionMax: dollars(c.sessionMax),
    /** The package's sessions when `sessionPrice` (a filter field) is a package's price ÷ its sessions. */
    sessionPricePackage: c.sessionPricePackage,
    sessionMin: dollars(c.sessionMin),
    // The lowest effective price per session (lib/aftercare/cost.ts `effectiveSessionPrice`).
    priceSort: sessionPrice ?? UNKNOWN_PRICE_SORT,
    courseHigh: dollars(c.courseHigh),
    priceSource: c.priceSource,
    /** The date (YYYY-MM-DD) the prices were last updated; cards show their age. */
    priceUpdatedAt: c.priceUpdatedAt,
    dataSource: c.dataSource,
    description: c.description,
    lastVerifiedTs: c.lastVerifiedAt ? Math.floor(c.lastVerifiedAt.getTime() / 1000) : 0,
    lastVerifiedAt: c.lastVerifiedAt?.toISOString() ?? null,
    updatedAt: c.updatedAt.toISOString(),
    // Every field a filter names (state, routes, sessionPrice, courseLow, …), from the registry.
    ...filterFields(c),
  };
}

export type SearchDocument = ReturnType<typeof toSearchDocument>;
