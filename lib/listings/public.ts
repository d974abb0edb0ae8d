import type { Clinic } from "@/db/schema";
import { aftercareScore, courseEstimate } from "@/lib/aftercare";
import { dollars } from "@/lib/search/document";
import { publicFacts } from "./shown";

/**
 * A published listing as the public API shows it: every field a patient may see, prices in whole
 * US dollars, the aftercare score with its breakdown and the course estimate with its assumptions.
 * An allow-list: the keys written here, plus the facts lib/listings/fields.ts declares `shown`
 * (`publicFacts`, in the object that matches their section). Nothing internal (version, status,
 * who edited it) leaves through here.
 */
export function toPublicClinic(c: Clinic) {
  const score = aftercareScore(c);
  const course = courseEstimate(c);
  const range = (min: number | null, max: number | null) => ({ min: dollars(min), max: dollars(max) });
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    sample: c.dataSource === "sample",
    dataSource: c.dataSource,
    clinicType: c.clinicType,
    description: c.description,
    website: c.website,
    phone: c.phone,
    contactEmail: c.contactEmail,
    address: { street: c.street, city: c.city, state: c.state, postalCode: c.postalCode },
    location: c.lat != null && c.lng != null ? { lat: c.lat, lng: c.lng } : null,
    statesServed: c.statesServed,
    routes: c.routes,
    conditions: c.conditions,
    newPatientStatus: c.newPatientStatus,
    waitDays: c.waitDays,
    medicalLead: c.medicalLead,
    remsCertified: c.remsCertified,
    languages: c.languages,
    eveningHours: c.eveningHours,
    weekendHours: c.weekendHours,
    ...publicFacts(c, "care", "logistics", "contact"),
    aftercare: {
      integrationTherapy: c.integrationTherapy,
      integrationBy: c.integrationBy,
      integrationFormats: c.integrationFormats,
      supportGroups: c.supportGroups,
      followUp24h: c.followUp24h,
      onCall: c.onCall,
      onCallHours: c.onCallHoursOffered,
      prepSessions: c.prepSessions,
      measurementBasedCare: c.measurementBasedCare,
      digitalTools: c.digitalTools,
      lifestyle: c.lifestyle,
      recoveryRoom: c.recoveryRoom,
      aftercareWeeks: c.aftercareWeeks,
      ...publicFacts(c, "aftercare"),
      notes: c.aftercareNotes,
    },
    aftercareScore: {
      total: c.aftercareScore,
      max: score.max,
      items: score.items.map((i) => ({
        key: i.key,
        label: i.label,
        points: i.points,
        max: i.max,
        detail: i.detail,
      })),
    },
    prices: {
      currency: "USD",
      consultFee: dollars(c.consultFee),
      session: range(c.sessionMin, c.sessionMax),
      series: { sessions: c.seriesSessions, ...range(c.seriesMin, c.seriesMax) },
      booster: range(c.boosterMin, c.boosterMax),
      integrationSessionFee: dollars(c.integrationSessionFee),
      groupSessionFee: dollars(c.groupSessionFee),
      source: c.priceSource,
      updatedAt: c.priceUpdatedAt,
    },
    courseEstimate: {
      low: dollars(c.courseLow),
      high: dollars(c.courseHigh),
      assumptions: course.assumptions,
      missing: course.missing,
    },
    payment: {
      insurance: c.insurance,
      hsaFsa: c.hsaFsa,
      financing: c.financing,
      slidingScale: c.slidingScale,
      refundPolicy: c.refundPolicy,
      ...publicFacts(c, "prices"),
    },
    lastVerifiedAt: c.lastVerifiedAt?.toISOString() ?? null,
    updatedAt: c.updatedAt.toISOString(),
  };
}
