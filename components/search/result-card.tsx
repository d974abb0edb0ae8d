"use client";

import Link from "@/components/link";
import { AddToCompareButton } from "@/components/compare/add-to-compare-button";
import { SampleBadge } from "@/components/notices";
import type { ClinicHit } from "@/lib/search/hits";

/**
 * A result card drawn from its words (`Card`, which card-words.ts works out from the search hit on
 * the server). A client component for the server's sake: a server component's elements travel twice,
 * as HTML and again, element by element with every class name, in the React page data that the server
 * serializes, embeds in the page and reads back to render the HTML. Twenty cards of ~40 elements
 * were half of /clinics' page data; as client components they travel as their words only. No state:
 * the interactive part is the compare button's.
 */

type Status = ClinicHit["newPatientStatus"];

export type Card = {
  slug: string;
  name: string;
  status: Status;
  /** "Taking new patients", "Waitlist", … */
  statusText: string;
  sample: boolean;
  /** "Austin, TX", or where online care reaches. */
  where: string;
  /** "4.2 mi", for a search near a ZIP code. */
  distance: string | null;
  sessionPrice: string;
  /** "Prices from Mar 2026", flagged as old when `stale`. */
  priceAge: string;
  stale: boolean;
  /** The first course's cost, about. */
  course: string;
  score: string;
  /** "11 of 11" (supports). */
  supports: string;
  routes: string;
  payment: string;
  /** The aftercare the card points out, strongest first (empty: none listed). */
  points: string[];
  /** "Verified 2 months ago" or "Not verified yet". */
  verified: string;
};

/** Availability as a coloured badge whose words carry the meaning (the colour only repeats it). */
const AVAILABILITY_STYLE: Record<Status, string> = {
  accepting: "border-green-700 bg-green-50 text-green-900",
  waitlist: "border-amber-700 bg-amber-50 text-amber-950",
  not_accepting: "border-red-700 bg-red-50 text-red-900",
};

export function ResultCard({ card }: { card: Card }) {
  return (
    <li className="card render-later result-card space-y-3" data-testid="result">
      <div className="flex flex-wrap items-center gap-2">
        <span
          className={`badge text-sm font-semibold ${AVAILABILITY_STYLE[card.status]}`}
          data-testid="availability"
          data-status={card.status}
        >
          {card.statusText}
        </span>
        {card.sample && <SampleBadge />}
      </div>
      <div>
        <div className="min-w-0 space-y-0.5">
          <h3 className="text-lg leading-snug">
            <Link href={`/clinics/${card.slug}`} className="font-semibold">
              {card.name}
            </Link>
          </h3>
          <p className="text-muted">
            {card.where}
            {card.distance !== null && (
              <>
                {" · "}
                <span className="num font-medium text-ink">{card.distance}</span>
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
            {card.sessionPrice}
          </dd>
          <dd
            className={`text-sm ${card.stale ? "font-medium text-amber-900" : "text-muted"}`}
            data-testid="price-age"
            data-stale={card.stale || undefined}
          >
            {card.priceAge}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-muted">First course, about</dt>
          <dd className="num font-semibold">{card.course}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Aftercare score</dt>
          <dd className="num font-semibold">{card.score}</dd>
          <dd className="text-sm text-muted" data-testid="supports">
            <span className="num">{card.supports}</span> supports
          </dd>
        </div>
      </dl>

      <dl className="space-y-1 text-sm">
        <div className="flex flex-wrap gap-x-1.5">
          <dt className="font-medium">Given as:</dt>
          <dd data-testid="routes">{card.routes}</dd>
        </div>
        <div className="flex flex-wrap gap-x-1.5">
          <dt className="font-medium">Paying:</dt>
          <dd data-testid="payment">{card.payment}</dd>
        </div>
      </dl>

      {card.points.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5" aria-label="Aftercare">
          {card.points.map((p) => (
            <li key={p} className="pill">
              {p}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">No aftercare listed beyond the treatment itself.</p>
      )}

      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
        <p>{card.verified}</p>
        <AddToCompareButton slug={card.slug} name={card.name} />
      </div>
    </li>
  );
}
