import Link from "@/components/link";
import { DEFAULT_ASSUMPTIONS } from "@/lib/aftercare";
import { OFFERS_INTEGRATION_LABEL } from "@/lib/aftercare/offers";
import { FEATURES } from "@/lib/costs/features";
import type { Figures, RoutePrice } from "@/lib/costs/queries";
import { count, dateShort, percent, usd, usdRange } from "@/lib/format";
import { GLOSSARY, ROUTE_LABELS } from "@/lib/labels";
import { binRange, Histogram, RangeChart, ShareBars, wholeDollars } from "./charts";

/**
 * The figures every cost page shows, for the nation, a state or a city: headline numbers, price per
 * session by route, the spread of prices, course estimates and aftercare shares. Each chart has the
 * same numbers as a table beside it (visible or under "Show as a table").
 */

const routeLabel = (r: RoutePrice) => (r.route === null ? "All routes" : ROUTE_LABELS[r.route]);
const dollars = wholeDollars;

function Th({ children, right = false }: { children: React.ReactNode; right?: boolean }) {
  return (
    <th scope="col" className={`py-2 pr-3 font-semibold ${right ? "text-right" : "text-left"}`}>
      {children}
    </th>
  );
}

function Num({ children }: { children: React.ReactNode }) {
  return <td className="num py-2 pr-3 text-right whitespace-nowrap">{children}</td>;
}

function Table({ caption, children }: { caption: string; children: React.ReactNode }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

function AsTable({ children }: { children: React.ReactNode }) {
  return (
    <details className="text-sm">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-accent-700">
        Show as a table
      </summary>
      {children}
    </details>
  );
}

function BinTable({
  caption,
  bins,
  width,
  lastIsOverflow,
  noun,
}: {
  caption: string;
  bins: number[];
  width: number;
  lastIsOverflow: boolean;
  noun: string;
}) {
  return (
    <Table caption={caption}>
      <thead>
        <tr className="border-b border-line">
          <Th>Price</Th>
          <Th right>{noun}</Th>
        </tr>
      </thead>
      <tbody>
        {bins.map((n, i) => (
          <tr key={i} className="border-b border-line">
            <td className="py-1.5 pr-3">{binRange(i, width, lastIsOverflow && i === bins.length - 1)}</td>
            <Num>{count(n)}</Num>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function Headline({ figures }: { figures: Figures }) {
  const all = figures.routes.find((r) => r.route === null);
  // The same fact, definition and words as the home page's figure (`OFFERS_INTEGRATION`).
  const integration = figures.features.find((f) => f.key === "integration-any");
  const course = figures.course;
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <div className="card">
        <dt className="text-sm text-muted">Clinics counted</dt>
        <dd className="num text-2xl font-semibold" data-testid="stat-clinics">
          {count(figures.clinics)}
        </dd>
      </div>
      <div className="card">
        <dt className="text-sm text-muted">Median price per session</dt>
        <dd className="num text-2xl font-semibold" data-testid="stat-median">
          {all ? dollars(all.median) : "—"}
        </dd>
      </div>
      <div className="card">
        <dt className="text-sm text-muted">Typical first course (median estimate)</dt>
        <dd className="num text-2xl font-semibold">
          {course.low && course.high
            ? usdRange(Math.round(course.low.median / 100) * 100, Math.round(course.high.median / 100) * 100)
            : "—"}
        </dd>
      </div>
      <div className="card">
        <dt className="text-sm text-muted">{OFFERS_INTEGRATION_LABEL}</dt>
        <dd className="num text-2xl font-semibold">{integration ? percent(integration.share) : "—"}</dd>
      </div>
    </dl>
  );
}

export function PriceSections({ figures, id, place }: { figures: Figures; id: string; place: string }) {
  if (figures.priced === 0) {
    return (
      <section aria-labelledby={`${id}-prices`} className="space-y-2">
        <h2 id={`${id}-prices`} className="text-xl">
          Price per session
        </h2>
        <p>None of the clinics counted here list a price per session yet.</p>
      </section>
    );
  }
  const byRoute = figures.routes;
  const h = figures.priceHistogram;
  return (
    <>
      <section aria-labelledby={`${id}-prices`} className="space-y-3">
        <h2 id={`${id}-prices`} className="text-xl">
          Price per session by treatment route
        </h2>
        <p className="max-w-2xl text-muted">
          The price a clinic lists for one session (the low end when it gives a range), before insurance. Half
          of clinics charge less than the <strong className="text-ink">median</strong>; the middle half charge
          between the 25th and 75th percentile. A clinic that offers several routes lists one price, so it
          counts under each route it offers.
        </p>
        <Table caption={`Price per session by treatment route, ${place}`}>
          <thead>
            <tr className="border-b border-line">
              <Th>Route</Th>
              <Th right>Clinics</Th>
              <Th right>25th percentile</Th>
              <Th right>Median</Th>
              <Th right>75th percentile</Th>
            </tr>
          </thead>
          <tbody>
            {byRoute.map((r) => (
              <tr
                key={r.route ?? "all"}
                className={`border-b border-line ${r.route === null ? "font-semibold" : ""}`}
              >
                <th
                  scope="row"
                  className={`py-2 pr-3 text-left ${r.route === null ? "font-semibold" : "font-normal"}`}
                >
                  {routeLabel(r)}
                </th>
                <Num>{count(r.count)}</Num>
                <Num>{dollars(r.p25)}</Num>
                <Num>{dollars(r.median)}</Num>
                <Num>{dollars(r.p75)}</Num>
              </tr>
            ))}
          </tbody>
        </Table>
        <RangeChart
          id={`${id}-range-chart`}
          title={`Price per session by treatment route, ${place}: the bar spans the middle half, the dark line is the median`}
          rows={byRoute.map((r) => ({ ...r, label: routeLabel(r) }))}
        />
      </section>

      <section aria-labelledby={`${id}-spread`} className="space-y-3">
        <h2 id={`${id}-spread`} className="text-xl">
          How prices per session spread
        </h2>
        <p className="max-w-2xl text-muted">
          Number of clinics at each price, in steps of {usd(h.width)}
          {h.lastIsOverflow
            ? `; the last bar counts every price of ${usd((h.bins.length - 1) * h.width)} and up`
            : ""}
          .
        </p>
        <Histogram
          id={`${id}-price-histogram`}
          title={`Clinics by price per session, ${place}`}
          bins={h.bins}
          width={h.width}
          lastIsOverflow={h.lastIsOverflow}
          noun="clinics"
        />
        <AsTable>
          <BinTable
            caption={`Clinics by price per session, ${place}`}
            bins={h.bins}
            width={h.width}
            lastIsOverflow={h.lastIsOverflow}
            noun="Clinics"
          />
        </AsTable>
      </section>
    </>
  );
}

export function CourseSection({ figures, id, place }: { figures: Figures; id: string; place: string }) {
  const c = figures.course;
  const a = DEFAULT_ASSUMPTIONS;
  return (
    <section aria-labelledby={`${id}-course`} className="space-y-3">
      <h2 id={`${id}-course`} className="text-xl">
        What a first course costs
      </h2>
      <p className="max-w-2xl text-muted">
        Our estimate for each clinic: one consultation, an {GLOSSARY.inductionSeries.term.toLowerCase()} of{" "}
        {a.ketamineSessions} ketamine sessions, {a.integrationSessions} integration therapy sessions (at the
        clinic&apos;s fee, free when included, or with an outside therapist) and {a.boosters} boosters, at
        listed cash prices. Each estimate is a low–high range.{" "}
        <Link href="/methodology">How we estimate a course</Link>.
      </p>
      {c.count === 0 || !c.low || !c.high ? (
        <p>None of the clinics counted here list enough prices to estimate a course.</p>
      ) : (
        <>
          <Table caption={`Course estimates, ${place}`}>
            <thead>
              <tr className="border-b border-line">
                <Th>Estimate</Th>
                <Th right>25th percentile</Th>
                <Th right>Median</Th>
                <Th right>75th percentile</Th>
              </tr>
            </thead>
            <tbody>
              <tr className="border-b border-line">
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  Low end
                </th>
                <Num>{dollars(c.low.p25)}</Num>
                <Num>{dollars(c.low.median)}</Num>
                <Num>{dollars(c.low.p75)}</Num>
              </tr>
              <tr className="border-b border-line">
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  High end
                </th>
                <Num>{dollars(c.high.p25)}</Num>
                <Num>{dollars(c.high.median)}</Num>
                <Num>{dollars(c.high.p75)}</Num>
              </tr>
            </tbody>
          </Table>
          <p className="text-sm text-muted">
            {count(c.count)} clinics have an estimate
            {c.unknown > 0 ? `; ${count(c.unknown)} list too few prices for one` : ""}. The chart counts
            clinics by the middle of their range.
          </p>
          <Histogram
            id={`${id}-course-histogram`}
            title={`Clinics by estimated cost of a first course (middle of the range), ${place}`}
            bins={c.histogram.bins}
            width={c.histogram.width}
            lastIsOverflow={c.histogram.lastIsOverflow}
            noun="clinics"
          />
          <AsTable>
            <BinTable
              caption={`Clinics by estimated course cost, ${place}`}
              bins={c.histogram.bins}
              width={c.histogram.width}
              lastIsOverflow={c.histogram.lastIsOverflow}
              noun="Clinics"
            />
          </AsTable>
        </>
      )}
    </section>
  );
}

export function AftercareSection({ figures, id, place }: { figures: Figures; id: string; place: string }) {
  const labels = new Map<string, (typeof FEATURES)[number]>(FEATURES.map((f) => [f.key, f]));
  return (
    <section aria-labelledby={`${id}-aftercare`} className="space-y-3">
      <h2 id={`${id}-aftercare`} className="text-xl">
        How many clinics offer each kind of aftercare
      </h2>
      <p className="max-w-2xl text-muted">
        {GLOSSARY.aftercare.definition} {GLOSSARY.integration.definition}
      </p>
      <ShareBars
        id={`${id}-aftercare-chart`}
        title={`Share of clinics offering each kind of aftercare, ${place}`}
        rows={figures.features.map((f) => ({ label: labels.get(f.key)?.short ?? f.key, share: f.share }))}
      />
      <AsTable>
        <Table caption={`Clinics offering each kind of aftercare, ${place}`}>
          <thead>
            <tr className="border-b border-line">
              <Th>Aftercare</Th>
              <Th right>Clinics</Th>
              <Th right>Share</Th>
            </tr>
          </thead>
          <tbody>
            {figures.features.map((f) => (
              <tr key={f.key} className="border-b border-line">
                <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                  {labels.get(f.key)?.label}
                </th>
                <Num>{count(f.count)}</Num>
                <Num>{percent(f.share)}</Num>
              </tr>
            ))}
          </tbody>
        </Table>
      </AsTable>
    </section>
  );
}

/** "Figures as of Nov 3, 2026, 14:05 UTC", so a reader can tell how fresh they are. */
export function AsOf({ figures }: { figures: Figures }) {
  const time = figures.computedAt.slice(11, 16);
  return (
    <p className="text-sm text-muted">
      Figures as of {dateShort(figures.computedAt)}, {time} UTC, from published listings only. They refresh
      within a minute of any change.
    </p>
  );
}

export function AllFigures({ figures, id, place }: { figures: Figures; id: string; place: string }) {
  return (
    <>
      <PriceSections figures={figures} id={id} place={place} />
      <CourseSection figures={figures} id={id} place={place} />
      <AftercareSection figures={figures} id={id} place={place} />
    </>
  );
}
