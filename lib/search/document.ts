import { aftercareScore, courseEstimate } from "@/lib/aftercare";
import { CLINIC_TYPE_LABELS, CONDITION_LABELS, ROUTE_LABELS, STATE_NAMES } from "@/lib/labels";
import type { Clinic } from "@/db/schema";
import type { UsState } from "@/db/enums";
import { COURSE_PRICE_STEPS, SESSION_PRICE_STEPS } from "./constants";

/** Cents to whole dollars for the index (filters and sorts compare dollars). */
export const dollars = (cents: number | null) => (cents == null ? null : Math.round(cents / 100));

/** Sorting by price puts listings with no known price last. */
export const UNKNOWN_PRICE_SORT = 1_000_000;

/**
 * The version of the document shape. Bump it when a field is added or its meaning changes: the
 * launcher rebuilds an index whose documents carry another version (`indexIsCurrent`).
 */
export const DOC_VERSION = 4;

const within = (price: number | null, steps: readonly number[]) =>
  price == null ? [] : steps.filter((s) => price <= s);

/**
 * The search document of a clinic row: flat, with labels for full-text search, derived numbers
 * (aftercare score, course estimate) and the coordinates (only when known: `lat EXISTS` means "has a place"). Everything here is derivable from the row, so the
 * index can always be rebuilt from PostgreSQL.
 */
export function toSearchDocument(c: Clinic) {
  const score = aftercareScore(c);
  const course = courseEstimate(c);
  const groupFormats =
    c.supportGroups === "both"
      ? ["in_person", "virtual"]
      : c.supportGroups === "none"
        ? []
        : [c.supportGroups];
  const telehealth = c.clinicType === "telehealth" || c.routes.includes("at_home");
  const sessionMin = dollars(c.sessionMin);
  const courseLow = dollars(course.low);
  return {
    id: c.id,
    docVersion: DOC_VERSION,
    slug: c.slug,
    name: c.name,
    clinicType: c.clinicType,
    clinicTypeLabel: CLINIC_TYPE_LABELS[c.clinicType],
    city: c.city,
    state: c.state,
    stateName: STATE_NAMES[c.state as UsState] ?? c.state,
    postalCode: c.postalCode,
    statesServed: c.statesServed,
    telehealth,
    /** The states an online service treats people in ("telehealth available in my state"). */
    telehealthStates: telehealth ? c.statesServed : [],
    ...(c.lat != null && c.lng != null ? { lat: c.lat, lng: c.lng } : {}),
    routes: c.routes,
    routeLabels: c.routes.map((r) => ROUTE_LABELS[r]),
    conditions: c.conditions,
    conditionLabels: c.conditions.map((x) => CONDITION_LABELS[x]),
    newPatientStatus: c.newPatientStatus,
    accepting: c.newPatientStatus === "accepting",
    waitDays: c.waitDays,
    languages: c.languages,
    eveningHours: c.eveningHours,
    weekendHours: c.weekendHours,
    integrationTherapy: c.integrationTherapy,
    integrationBy: c.integrationBy,
    integrationByLicensed: c.integrationTherapy !== "none" && c.integrationBy === "licensed_therapist",
    integrationFormats: c.integrationFormats,
    supportGroups: c.supportGroups,
    groupFormats,
    followUp24h: c.followUp24h,
    onCall: c.onCall,
    onCallHours: c.onCall === "none" ? null : c.onCallHours,
    prepSessions: c.prepSessions,
    hasPrepSessions: c.prepSessions > 0,
    measurementBasedCare: c.measurementBasedCare,
    digitalTools: c.digitalTools,
    lifestyle: c.lifestyle,
    recoveryRoom: c.recoveryRoom,
    aftercareWeeks: c.aftercareWeeks,
    aftercareNotes: c.aftercareNotes,
    aftercareScore: score.total,
    /** How many of the score's supports the clinic gives at all ("9 of 11 supports" on a card). */
    aftercareSupports: score.items.filter((i) => i.points > 0).length,
    consultFee: dollars(c.consultFee),
    sessionMin,
    sessionMax: dollars(c.sessionMax),
    sessionUnder: within(sessionMin, SESSION_PRICE_STEPS),
    priceSort: sessionMin ?? UNKNOWN_PRICE_SORT,
    courseLow,
    courseHigh: dollars(course.high),
    courseUnder: within(courseLow, COURSE_PRICE_STEPS),
    insurance: c.insurance,
    hsaFsa: c.hsaFsa,
    financing: c.financing,
    slidingScale: c.slidingScale,
    priceSource: c.priceSource,
    /** The date (YYYY-MM-DD) the prices were last updated; cards show their age. */
    priceUpdatedAt: c.priceUpdatedAt,
    dataSource: c.dataSource,
    description: c.description,
    lastVerifiedTs: c.lastVerifiedAt ? Math.floor(c.lastVerifiedAt.getTime() / 1000) : 0,
    lastVerifiedAt: c.lastVerifiedAt?.toISOString() ?? null,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export type SearchDocument = ReturnType<typeof toSearchDocument>;
