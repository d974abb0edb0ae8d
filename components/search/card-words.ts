import { SCORE_RUBRIC } from "@/lib/aftercare/score";
import { miles, relativeDays, score, usdRange } from "@/lib/format";
import { NEW_PATIENT_STATUS_LABELS, ROUTE_LABELS } from "@/lib/labels";
import { listText, paymentText, sessionPriceText } from "@/lib/listings/describe";
import { priceAge } from "@/lib/listings/freshness";
import type { ClinicHit } from "@/lib/search/hits";
import type { Card } from "./result-card";

/** Dollars (as the index keeps them) to the cents `lib/format` takes. */
const cents = (dollars: number | null) => (dollars === null ? null : dollars * 100);

function where(hit: ClinicHit): string {
  if (hit.clinicType === "telehealth") {
    const n = hit.statesServed.length;
    return `Online (telehealth) in ${n} ${n === 1 ? "state" : "states"} · based in ${hit.city}, ${hit.state}`;
  }
  return `${hit.city}, ${hit.state}`;
}

/** The aftercare a card points out, strongest first; "none listed" says so plainly. */
function highlights(hit: ClinicHit): string[] {
  const out: string[] = [];
  if (hit.integrationTherapy === "included") out.push("Integration therapy included");
  else if (hit.integrationTherapy === "add_on") out.push("Integration therapy (extra cost)");
  else if (hit.integrationTherapy === "referral_only") out.push("Refers you for integration therapy");
  if (hit.integrationByLicensed) out.push("Licensed therapist");
  if (hit.followUp24h) out.push("Check-in within 24 h");
  if (hit.onCall !== "none") {
    out.push(
      hit.onCallHours === "always"
        ? "On call day and night"
        : hit.onCallHours === "extended"
          ? "On call, extended hours"
          : "On call, business hours",
    );
  }
  if (hit.supportGroups === "both") out.push("Support groups in person and online");
  else if (hit.supportGroups === "in_person") out.push("Support groups in person");
  else if (hit.supportGroups === "virtual") out.push("Support groups online");
  return out;
}

/** A card's words, worked out here on the server; `ResultCard` (a client component) draws them. */
export function cardOf(hit: ClinicHit, now: Date): Card {
  const age = priceAge(hit.priceUpdatedAt, now);
  return {
    slug: hit.slug,
    name: hit.name,
    status: hit.newPatientStatus,
    statusText: NEW_PATIENT_STATUS_LABELS[hit.newPatientStatus],
    sample: hit.sample,
    where: where(hit),
    distance: hit.distanceMiles === null ? null : miles(hit.distanceMiles),
    sessionPrice: sessionPriceText(cents(hit.sessionPrice), hit.sessionPricePackage),
    priceAge: age.stale && hit.priceUpdatedAt ? `${age.text} (over a year old)` : age.text,
    stale: age.stale,
    course: usdRange(cents(hit.courseLow), cents(hit.courseHigh)),
    score: score(hit.aftercareScore),
    supports: `${hit.aftercareSupports} of ${SCORE_RUBRIC.length}`,
    routes: listText(hit.routes, ROUTE_LABELS, "Not stated"),
    payment: paymentText(hit),
    points: highlights(hit),
    verified: hit.lastVerifiedAt ? `Verified ${relativeDays(hit.lastVerifiedAt, now)}` : "Not verified yet",
  };
}
