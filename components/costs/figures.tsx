import Link from "@/components/link";
import { DEFAULT_ASSUMPTIONS } from "@/lib/aftercare";
import { OFFERS_INTEGRATION_LABEL } from "@/lib/aftercare/offers";
import { INTEGRATION_THERAPY, ROUTES, type IntegrationTherapy, type Route } from "@/db/enums";
import { SCORE_BANDS, type ScoreBand } from "@/lib/costs/bands";
import { FEATURES } from "@/lib/costs/features";
import { FEW_CLINICS, isFew } from "@/lib/costs/sample";
import type { PriceMovement } from "@/lib/costs/movement";
import type { Figures, RoutePrice } from "@/lib/costs/queries";
import { count, dateShort, monthYear, percent, usd, usdRange } from "@/lib/format";
import { GLOSSARY, ROUTE_LABELS } from "@/lib/labels";
import { binRange, Histogram, LINE_STYLES, LineChart, RangeChart, ShareBars, wholeDollars } from "./charts";

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
  return <td className="cell-num">{children}</td>;
}

/**
 * A table in a box that scrolls sideways when the screen is narrower than the table; the box takes
 * the keyboard focus so it can be scrolled without a mouse (axe "scrollable-region-focusable").
 */
function Table({ caption, children }: { caption: string; children: React.ReactNode }) {
  return (
    <div className="scroll-x relative" role="region" aria-label={caption} tabIndex={0}>
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

/** "Few clinics" beside a figure that rests on fewer than `FEW_CLINICS` clinics. */
export function FewMark({ clinics }: { clinics: number }) {
  if (!isFew(clinics)) return null;
  return (
    <span className="ml-1 inline-block rounded border border-notice-line bg-notice px-1 text-xs font-medium text-ink">
      few clinics
    </span>
  );
}

/** The rule behind the sample sizes, with the link to how the figures are made. */
export function SampleNote() {
  return (
    <p className="max-w-2xl text-sm text-muted">
      Each figure says how many clinics it rests on (n). Figures from fewer than {FEW_CLINICS} clinics are
      marked <em>few clinics</em>: one clinic more or less can move them a lot.{" "}
      <Link href="/methodology#cost-figures">How these figures are made</Link>.
    </p>
  );
}

/**
 * The lead figures: the median price per session of each treatment route (like for like), with its
 * middle half and sample size; then, secondary, the count, all routes together, the typical course
 * and the share with integration included.
 */
export function Headline({ figures, id = "top" }: { figures: Figures; id?: string }) {
  const all = figures.routes.find((r) => r.route === null);
  const routes = figures.routes.filter((r) => r.route !== null);
  // The same fact, definition and words as the home page's figure (`OFFERS_INTEGRATION`).
  const integration = figures.features.find((f) => f.key === "integration-any");
  const course = figures.course;
  return (
    <section aria-labelledby={`${id}-headline`} className="space-y-3">
      <h2 id={`${id}-headline`} className="text-xl">
        Price per session, route by route
      </h2>
      <p className="max-w-2xl text-muted">
        An IV infusion, an injection, a lozenge and an at-home program are different treatments at different
        prices, so each route has its own median (half of clinics charge less) and middle half.
      </p>
      {routes.length === 0 ? (
        <p>None of the clinics counted here list a price per session yet.</p>
      ) : (
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {routes.map((r) => (
            <div key={r.route} className="card" data-testid={`route-${r.route}`}>
              <dt className="text-sm font-medium">{routeLabel(r)}</dt>
              <dd>
                <span className="num text-2xl font-semibold" data-testid="route-median">
                  {dollars(r.median)}
                </span>{" "}
                <span className="text-sm text-muted">median per session</span>
              </dd>
              <dd className="num text-sm text-muted">
                Middle half {dollars(r.p25)}–{dollars(r.p75)} ·{" "}
                <span data-testid="route-n">n = {count(r.count)}</span>
                <FewMark clinics={r.count} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      <dl className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-muted">Clinics counted</dt>
          <dd className="num text-lg font-semibold" data-testid="stat-clinics">
            {count(figures.clinics)}
          </dd>
        </div>
        <div>
          <dt className="text-muted">All routes together (mixes treatments)</dt>
          <dd className="num text-lg font-semibold" data-testid="stat-median">
            {all ? dollars(all.median) : "—"}
          </dd>
        </div>
        <div>
          <dt className="text-muted">Typical first course (median estimate, n = {count(course.count)})</dt>
          <dd className="num text-lg font-semibold">
            {course.low && course.high
              ? usdRange(
                  Math.round(course.low.median / 100) * 100,
                  Math.round(course.high.median / 100) * 100,
                )
              : "—"}
          </dd>
        </div>
        <div>
          <dt className="text-muted">{OFFERS_INTEGRATION_LABEL}</dt>
          <dd className="num text-lg font-semibold">
            <span data-testid="stat-integration-share">{integration ? percent(integration.share) : "—"}</span>
            <span className="text-sm font-normal text-muted"> of {count(figures.clinics)}</span>
          </dd>
        </div>
      </dl>
      <SampleNote />
    </section>
  );
}

const MODEL_LABELS: Record<IntegrationTherapy, string> = {
  included: "Integration included",
  add_on: "Integration as an add-on",
  referral_only: "Referral only",
  none: "No integration",
};

/** "$7,250" with "n = 12" under it, and the few-clinics mark; "—" when there is nothing. */
function MedianCell({ m }: { m: { count: number; median: number } | undefined }) {
  if (!m) return <td className="py-2 pr-3 text-right text-muted">—</td>;
  return (
    <td className="cell-num">
      {dollars(m.median)}
      <span className="cell-note">
        n = {count(m.count)}
        <FewMark clinics={m.count} />
      </span>
    </td>
  );
}

/**
 * Medians with their sample sizes in a grid: a row per route (or month), a column per group (an
 * integration model, a score band, a route). A missing figure reads "—".
 */
function BreakdownTable<R extends string, C extends string>({
  caption,
  testId,
  rowHead,
  rows,
  columns,
  cell,
}: {
  caption: string;
  testId: string;
  rowHead: string;
  rows: readonly { key: R; label: string }[];
  columns: readonly { key: C; label: string }[];
  cell: (row: R, column: C) => { count: number; median: number } | undefined;
}) {
  return (
    <Table caption={caption}>
      <thead>
        <tr className="border-b border-line">
          <Th>{rowHead}</Th>
          {columns.map((c) => (
            <Th key={c.key} right>
              {c.label}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody data-testid={testId}>
        {rows.map((r) => (
          <tr key={r.key} className="border-b border-line" data-row={r.key}>
            <th scope="row" className="py-2 pr-3 text-left font-normal whitespace-nowrap">
              {r.label}
            </th>
            {columns.map((c) => (
              <MedianCell key={c.key} m={cell(r.key, c.key)} />
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

const routeRows = (routes: readonly Route[]) => routes.map((r) => ({ key: r, label: ROUTE_LABELS[r] }));

/** "$1,200 more" / "$300 less" / "the same". */
const moreOrLess = (diff: number) =>
  Math.round(diff / 100) === 0
    ? "about the same"
    : `${dollars(Math.abs(diff))} ${diff > 0 ? "more" : "less"}`;

/**
 * What aftercare adds: the median first-course estimate by integration model and by aftercare
 * score band, per route, with sample sizes, and a plain reading of the main comparisons.
 */
export function AftercareAddsSection({
  figures,
  id,
  place,
}: {
  figures: Figures;
  id: string;
  place: string;
}) {
  const { byModel, byBand } = figures.aftercareAdds;
  const routes = ROUTES.filter((r) => byModel.some((m) => m.route === r));
  const model = (r: Route, m: IntegrationTherapy) => byModel.find((x) => x.route === r && x.model === m);
  const band = (r: Route, b: ScoreBand) => byBand.find((x) => x.route === r && x.band === b);
  const a = DEFAULT_ASSUMPTIONS;
  // The readings: the routes with the most clinics first.
  const readings = [...routes]
    .map((r) => ({ route: r, n: byModel.filter((m) => m.route === r).reduce((s, m) => s + m.count, 0) }))
    .sort((x, y) => y.n - x.n)
    .slice(0, 3)
    .flatMap(({ route }) => {
      const inc = model(route, "included");
      const none = model(route, "none");
      const hi = band(route, "high");
      const lo = band(route, "low");
      const out: { key: string; text: string; few: boolean }[] = [];
      const label = ROUTE_LABELS[route];
      if (inc && none)
        out.push({
          key: `${route}-model`,
          few: isFew(inc.count) || isFew(none.count),
          text: `In ${place}, ${label} clinics that include integration therapy cost ${moreOrLess(inc.median - none.median)} per course at the median than those that offer none (${dollars(inc.median)}, n = ${count(inc.count)}, against ${dollars(none.median)}, n = ${count(none.count)}).`,
        });
      if (hi && lo)
        out.push({
          key: `${route}-band`,
          few: isFew(hi.count) || isFew(lo.count),
          text: `${label} clinics with strong aftercare (score 70 or more) cost ${moreOrLess(hi.median - lo.median)} per course at the median than those with little (under 40): ${dollars(hi.median)}, n = ${count(hi.count)}, against ${dollars(lo.median)}, n = ${count(lo.count)}.`,
        });
      return out;
    });
  return (
    <section aria-labelledby={`${id}-adds`} className="render-later space-y-3">
      <h2 id={`${id}-adds`} className="text-xl">
        What aftercare adds to the cost of a course
      </h2>
      <p className="max-w-2xl text-muted">
        The median of our estimate for a first course (the low end: a consultation, {a.ketamineSessions}{" "}
        sessions, {a.integrationSessions} integration therapy sessions and {a.boosters} boosters, at listed
        cash prices). Integration therapy is priced in for everyone: free when the clinic includes it, at its
        fee when it is an add-on, and at an outside therapist&apos;s typical fee otherwise, so the columns
        compare what the whole course costs you.
      </p>
      {readings.length > 0 && (
        <ul className="max-w-2xl list-disc space-y-1 pl-5" data-testid="adds-readings">
          {readings.map((r) => (
            <li key={r.key}>
              {r.text}
              {r.few && <> Few clinics: read with care.</>}
            </li>
          ))}
        </ul>
      )}
      {routes.length === 0 ? (
        <p>None of the clinics counted here list enough prices to estimate a course.</p>
      ) : (
        <>
          <BreakdownTable
            caption={`Median first-course estimate by integration therapy and route, ${place}`}
            testId="adds-by-model"
            rowHead="Route"
            rows={routeRows(routes)}
            columns={INTEGRATION_THERAPY.map((m) => ({ key: m, label: MODEL_LABELS[m] }))}
            cell={model}
          />
          <BreakdownTable
            caption={`Median first-course estimate by aftercare score and route, ${place}`}
            testId="adds-by-band"
            rowHead="Route"
            rows={routeRows(routes)}
            columns={SCORE_BANDS.map((b) => ({ key: b.key, label: b.label }))}
            cell={band}
          />
          <p className="text-sm text-muted">
            <Link href="/methodology#score">How the aftercare score works</Link> ·{" "}
            <Link href="/methodology#cost">How we estimate a course</Link>
          </p>
        </>
      )}
    </section>
  );
}

function PriceSections({ figures, id, place }: { figures: Figures; id: string; place: string }) {
  if (figures.priced === 0) {
    return (
      <section aria-labelledby={`${id}-prices`} className="render-later space-y-2">
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
      <section aria-labelledby={`${id}-prices`} className="render-later space-y-3">
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

      <section aria-labelledby={`${id}-spread`} className="render-later space-y-3">
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

function CourseSection({ figures, id, place }: { figures: Figures; id: string; place: string }) {
  const c = figures.course;
  const a = DEFAULT_ASSUMPTIONS;
  return (
    <section aria-labelledby={`${id}-course`} className="render-later space-y-3">
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

function AftercareSection({ figures, id, place }: { figures: Figures; id: string; place: string }) {
  const labels = new Map<string, (typeof FEATURES)[number]>(FEATURES.map((f) => [f.key, f]));
  return (
    <section aria-labelledby={`${id}-aftercare`} className="render-later space-y-3">
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
export function AsOf({
  figures,
  data,
  search = "",
}: {
  figures: Pick<Figures, "computedAt">;
  /** The page's download address without its extension ("/costs/tx"), and any query after it. */
  data?: string;
  search?: string;
}) {
  const time = figures.computedAt.slice(11, 16);
  return (
    <p className="text-sm text-muted">
      Figures as of {dateShort(figures.computedAt)}, {time} UTC, from published listings only. They refresh
      within a minute of any change.
      {data && (
        <>
          {" "}
          Download these figures:{" "}
          <a href={`${data}.csv${search}`} className="font-medium" download>
            CSV
          </a>{" "}
          ·{" "}
          <a href={`${data}.json${search}`} className="font-medium" download>
            JSON
          </a>
          .
        </>
      )}
    </p>
  );
}

/**
 * How the median price per session of each route moved over the last 12 months (lib/costs/movement.ts):
 * a line per route that rests on enough clinics every month, and the same numbers as a table.
 */
function PriceMovementSection({
  movement,
  id,
  place,
}: {
  movement: PriceMovement;
  id: string;
  place: string;
}) {
  const shown = movement.series.filter((s) => s.enough);
  const left = movement.series.filter((s) => !s.enough);
  const first = movement.months[0];
  const last = movement.months.at(-1);
  return (
    <section
      aria-labelledby={`${id}-movement`}
      className="render-later space-y-3"
      data-testid="price-movement"
    >
      <h2 id={`${id}-movement`} className="text-xl">
        How prices per session moved over the last year
      </h2>
      <p className="max-w-2xl text-muted">
        The median price per session of each route at the end of each month
        {first && last ? ` from ${monthYear(first)} to ${monthYear(last)} (this month: today)` : ""}, read
        from the clinics&apos; price changes. A clinic counts from the month it was listed, under the routes
        it offers now. The sample clinics&apos; price changes are fictional, like the clinics.
      </p>
      {shown.length === 0 ? (
        <p>Too few clinics in {place} list a price for any route to show how prices moved, month by month.</p>
      ) : (
        <>
          <LineChart
            id={`${id}-movement-chart`}
            title={`Median price per session by month and route, ${place}`}
            xLabels={movement.months.map((m) => monthYear(m).split(" ")[0]!)}
            series={shown.map((s) => ({
              label: ROUTE_LABELS[s.route],
              values: s.points.map((p) => p.median),
            }))}
          />
          <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm" aria-label="Legend">
            {shown.map((s, k) => {
              const style = LINE_STYLES[k % LINE_STYLES.length]!;
              return (
                <li key={s.route} className="flex items-center gap-2">
                  <svg width="28" height="10" aria-hidden="true">
                    <line
                      x1="0"
                      x2="28"
                      y1="5"
                      y2="5"
                      stroke={style.color}
                      strokeWidth={2.5}
                      strokeDasharray={style.dash}
                    />
                  </svg>
                  {ROUTE_LABELS[s.route]}
                </li>
              );
            })}
          </ul>
          <BreakdownTable
            caption={`Median price per session by month and route, ${place}`}
            testId="movement-table"
            rowHead="Month"
            rows={movement.months.map((m) => ({ key: m, label: monthYear(m) }))}
            columns={routeRows(shown.map((s) => s.route))}
            cell={(month, route) => {
              const p = shown.find((s) => s.route === route)?.points.find((x) => x.month === month);
              return p && p.median !== null ? { count: p.clinics, median: p.median } : undefined;
            }}
          />
        </>
      )}
      {left.length > 0 && (
        <p className="text-sm text-muted">
          Not shown, as some months rest on fewer than {FEW_CLINICS} clinics:{" "}
          {left
            .map(
              (s) =>
                `${ROUTE_LABELS[s.route]} (n = ${count(Math.min(...s.points.map((p) => p.clinics)))} at the fewest)`,
            )
            .join(", ")}
          . Their figures are in the downloads, marked as few clinics.
        </p>
      )}
    </section>
  );
}

export function AllFigures({
  figures,
  id,
  place,
  movement,
}: {
  figures: Figures;
  id: string;
  place: string;
  /** The nation's and states' price movement, shown after the prices. */
  movement?: PriceMovement;
}) {
  return (
    <>
      <PriceSections figures={figures} id={id} place={place} />
      {movement && <PriceMovementSection movement={movement} id={id} place={place} />}
      <CourseSection figures={figures} id={id} place={place} />
      <AftercareSection figures={figures} id={id} place={place} />
    </>
  );
}
