import { distanceMeters, METERS_PER_MILE } from "@/db/geo";
import type { SearchDocument } from "./document";
import type { SearchQuery } from "./query";

/** The document fields a result needs; Meilisearch returns only these. */
export const HIT_FIELDS = [
  "id",
  "slug",
  "name",
  "dataSource",
  "clinicType",
  "city",
  "state",
  "telehealth",
  "statesServed",
  "lat",
  "lng",
  "routes",
  "sessionMin",
  "sessionMax",
  "sessionPrice",
  "sessionPricePackage",
  "courseLow",
  "courseHigh",
  "aftercareScore",
  "aftercareSupports",
  "integrationTherapy",
  "integrationByLicensed",
  "followUp24h",
  "onCall",
  "onCallHours",
  "supportGroups",
  "newPatientStatus",
  "insurance",
  "hsaFsa",
  "financing",
  "priceUpdatedAt",
  "lastVerifiedAt",
] as const satisfies readonly (keyof SearchDocument)[];

export type HitDocument = Pick<SearchDocument, Exclude<(typeof HIT_FIELDS)[number], "lat" | "lng">> & {
  lat?: number;
  lng?: number;
};

/**
 * One search result as the page and the public API show it: public fields only, prices in whole
 * dollars, and the distance from the searched ZIP code in miles (null without one, or for online
 * services).
 */
export type ClinicHit = Omit<HitDocument, "lat" | "lng" | "dataSource"> & {
  sample: boolean;
  distanceMiles: number | null;
};

/** Reads only `HitDocument` fields, so a field missing from HIT_FIELDS is a type error here. */
export function toClinicHit(doc: HitDocument, query: Pick<SearchQuery, "zip">): ClinicHit {
  return {
    id: doc.id,
    slug: doc.slug,
    name: doc.name,
    sample: doc.dataSource === "sample",
    clinicType: doc.clinicType,
    city: doc.city,
    state: doc.state,
    telehealth: doc.telehealth,
    statesServed: doc.statesServed,
    distanceMiles:
      query.zip && doc.lat != null && doc.lng != null
        ? Math.round(
            (distanceMeters(query.zip.lat, query.zip.lng, doc.lat, doc.lng) / METERS_PER_MILE) * 10,
          ) / 10
        : null,
    routes: doc.routes,
    sessionMin: doc.sessionMin,
    sessionMax: doc.sessionMax,
    sessionPrice: doc.sessionPrice,
    sessionPricePackage: doc.sessionPricePackage,
    courseLow: doc.courseLow,
    courseHigh: doc.courseHigh,
    aftercareScore: doc.aftercareScore,
    aftercareSupports: doc.aftercareSupports,
    integrationTherapy: doc.integrationTherapy,
    integrationByLicensed: doc.integrationByLicensed,
    followUp24h: doc.followUp24h,
    onCall: doc.onCall,
    onCallHours: doc.onCallHours,
    supportGroups: doc.supportGroups,
    newPatientStatus: doc.newPatientStatus,
    insurance: doc.insurance,
    hsaFsa: doc.hsaFsa,
    financing: doc.financing,
    priceUpdatedAt: doc.priceUpdatedAt,
    lastVerifiedAt: doc.lastVerifiedAt,
  };
}
