import Link from "@/components/link";
import { AddToCompareButton } from "@/components/compare/add-to-compare-button";
import { SampleBadge } from "@/components/notices";
import { SCORE_RUBRIC } from "@/lib/aftercare/score";
import { miles, relativeDays, score, usdRange } from "@/lib/format";
import { NEW_PATIENT_STATUS_LABELS, ROUTE_LABELS } from "@/lib/labels";
import { listText, paymentText, sessionPriceText } from "@/lib/listings/describe";
import { priceAge } from "@/lib/listings/freshness";
import type { ClinicHit } from "@/lib/search/hits";

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

/** Availability as a coloured badge whose words carry the meaning (the colour only repeats it). */
const AVAILABILITY_STYLE: Record<ClinicHit["newPatientStatus"], string> = {
  accepting: "border-green-700 bg-green-50 text-green-900",
  waitlist: "border-amber-700 bg-amber-50 text-amber-950",
  not_accepting: "border-red-700 bg-red-50 text-red-900",
};

function AvailabilityBadge({ status }: { status: ClinicHit["newPatientStatus"] }) {
  return (
    <span
      className={`badge text-sm font-semibold ${AVAILABILITY_STYLE[status]}`}
      data-testid="availability"
      data-status={status}
    >
      {NEW_PATIENT_STATUS_LABELS[status]}
    </span>
  );
}

export function ResultCard({ hit, now }: { hit: ClinicHit; now: Date }) {
  const points = highlights(hit);
  const age = priceAge(hit.priceUpdatedAt, now);
  return (
    <li className="card render-later space-y-3" data-testid="result">
      <div className="flex flex-wrap items-center gap-2">
        <AvailabilityBadge status={hit.newPatientStatus} />
        {hit.sample && <SampleBadge />}
      </div>
      <div>
        <div className="min-w-0 space-y-0.5">
          <h3 className="text-lg leading-snug">
            <Link href={`/clinics/${hit.slug}`} className="font-semibold">
              {hit.name}
            </Link>
          </h3>
          <p className="text-muted">
            {where(hit)}
            {hit.distanceMiles !== null && (
              <>
                {" · "}
                <span className="num font-medium text-ink">{miles(hit.distanceMiles)}</span>
                <span className="sr-only"> away</span>
              </>
            )}
          </p>
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-muted">Per session</dt>
          <dd className="num font-semibold" data-testid="session-price">
            {sessionPriceText(cents(hit.sessionPrice), hit.sessionPricePackage)}
          </dd>
          <dd
            className={`text-sm ${age.stale ? "font-medium text-amber-900" : "text-muted"}`}
            data-testid="price-age"
            data-stale={age.stale || undefined}
          >
            {age.text}
            {age.stale && hit.priceUpdatedAt && " (over a year old)"}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-muted">First course, about</dt>
          <dd className="num font-semibold">{usdRange(cents(hit.courseLow), cents(hit.courseHigh))}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Aftercare score</dt>
          <dd className="num font-semibold">{score(hit.aftercareScore)}</dd>
          <dd className="text-sm text-muted" data-testid="supports">
            <span className="num">
              {hit.aftercareSupports} of {SCORE_RUBRIC.length}
            </span>{" "}
            supports
          </dd>
        </div>
      </dl>

      <dl className="space-y-1 text-sm">
        <div className="flex flex-wrap gap-x-1.5">
          <dt className="font-medium">Given as:</dt>
          <dd data-testid="routes">{listText(hit.routes, ROUTE_LABELS, "Not stated")}</dd>
        </div>
        <div className="flex flex-wrap gap-x-1.5">
          <dt className="font-medium">Paying:</dt>
          <dd data-testid="payment">{paymentText(hit)}</dd>
        </div>
      </dl>

      {points.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5" aria-label="Aftercare">
          {points.map((p) => (
            <li key={p} className="pill">
              {p}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">No aftercare listed beyond the treatment itself.</p>
      )}

      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
        <p>{hit.lastVerifiedAt ? `Verified ${relativeDays(hit.lastVerifiedAt, now)}` : "Not verified yet"}</p>
        <AddToCompareButton slug={hit.slug} name={hit.name} />
      </div>
    </li>
  );
}
