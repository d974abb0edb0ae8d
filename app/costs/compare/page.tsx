import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import Link from "@/components/link";
import { RangeChart, wholeDollars } from "@/components/costs/charts";
import { AsOf, FewMark, SampleNote } from "@/components/costs/figures";
import { Breadcrumbs } from "@/components/costs/place";
import { ComparePicker } from "@/components/costs/compare-picker";
import { ROUTES } from "@/db/enums";
import { compareHref, COMPARE_MAX, COMPARE_PATH, parseCompareStates } from "@/lib/costs/compare";
import { FEATURES } from "@/lib/costs/features";
import { costsHref } from "@/lib/costs/links";
import { getStateCosts, type StateCosts } from "@/lib/costs/queries";
import { count, percent, usdRange } from "@/lib/format";
import { ROUTE_LABELS, STATE_NAMES } from "@/lib/labels";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const statesOf = (raw: string | string[] | undefined) =>
  raw === undefined ? [] : ([] as string[]).concat(raw);

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = parseCompareStates(statesOf((await searchParams).states));
  if (!parsed.ok) return { title: "Compare states: ketamine therapy costs", robots: { index: false } };
  const names = parsed.states.map((s) => STATE_NAMES[s]);
  return {
    title: `Ketamine therapy costs compared: ${names.join(", ")}`,
    description: `Ketamine therapy prices per session by route, first-course estimates, aftercare and insurance side by side for ${names.join(", ")}.`,
    alternates: { canonical: parsed.canonical },
  };
}

function Num({ children }: { children: React.ReactNode }) {
  return <td className="num py-2 pr-3 text-right align-top whitespace-nowrap">{children}</td>;
}

function RowHead({ children }: { children: React.ReactNode }) {
  return (
    <th scope="row" className="py-2 pr-3 text-left align-top font-normal">
      {children}
    </th>
  );
}

function GroupRow({ label, span }: { label: string; span: number }) {
  return (
    <tr className="border-b border-line bg-accent-50">
      <th scope="rowgroup" colSpan={span} className="py-2 pr-3 text-left font-semibold">
        {label}
      </th>
    </tr>
  );
}

/** A share with its count and base: "42% (21 of 50)". */
function Share({ n, of }: { n: number; of: number }) {
  return (
    <>
      {of > 0 ? percent(n / of) : "—"}
      <span className="block text-xs text-muted">
        {count(n)} of {count(of)}
        <FewMark clinics={of} />
      </span>
    </>
  );
}

export default async function ComparePage({ searchParams }: Props) {
  await connection();
  const raw = statesOf((await searchParams).states);
  const parsed = parseCompareStates(raw);
  if (!parsed.ok) {
    // proxy.ts answers these with the same status (400 or 404); the page says what went wrong.
    return (
      <div className="space-y-6">
        <Breadcrumbs items={[{ href: "/costs", label: "Costs" }, { label: "Compare states" }]} />
        <h1 className="text-3xl">We can&apos;t compare those states</h1>
        <p role="alert" className="max-w-2xl text-lg">
          {parsed.message}
        </p>
        <p className="max-w-2xl text-muted">
          A comparison takes two to {COMPARE_MAX} states by their postal codes, for example{" "}
          <Link href={compareHref(["TX", "CA"])}>/costs/compare?states=tx,ca</Link>.
        </p>
        <ComparePicker states={[]} />
      </div>
    );
  }
  const wanted = `?${new URLSearchParams({ states: raw.join(",") }).toString().replace(/%2C/gi, ",")}`;
  if (raw.length !== 1 || `${COMPARE_PATH}${wanted}` !== parsed.canonical) redirect(parsed.canonical);

  const { states } = parsed;
  const data: StateCosts[] = await Promise.all(states.map((s) => getStateCosts(s)));
  const names = states.map((s) => STATE_NAMES[s]);
  const span = states.length + 1;
  const routes = ROUTES.filter((r) => data.some((d) => d.routes.some((x) => x.route === r)));
  const route = (d: StateCosts, r: (typeof ROUTES)[number]) => d.routes.find((x) => x.route === r);

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <Breadcrumbs items={[{ href: "/costs", label: "Costs" }, { label: "Compare states" }]} />
        <h1 className="text-3xl">Ketamine therapy costs compared: {names.join(", ")}</h1>
        <p className="max-w-2xl text-muted">
          Each state&apos;s figures side by side, route by route, from its published listings (online services
          count in every state they serve). Every clinic here is fictional sample data. Share this page&apos;s
          address to share the comparison.
        </p>
        <SampleNote />
        <AsOf
          figures={{ computedAt: data.map((d) => d.computedAt).sort()[0]! }}
          data={COMPARE_PATH}
          search={parsed.canonical.slice(COMPARE_PATH.length)}
        />
      </header>

      <ComparePicker states={states} />

      <section aria-labelledby="side-by-side" className="space-y-3">
        <h2 id="side-by-side" className="text-xl">
          Side by side
        </h2>
        <div className="relative overflow-x-auto">
          <table className="w-full text-sm" data-testid="compare-table">
            <caption className="sr-only">Ketamine therapy costs and aftercare in {names.join(", ")}</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-2 pr-3 text-left font-semibold">
                  Figure
                </th>
                {states.map((s) => (
                  <th key={s} scope="col" className="py-2 pr-3 text-right font-semibold">
                    <Link href={costsHref(s)}>{STATE_NAMES[s]}</Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr className="border-b border-line">
                <RowHead>Clinics counted</RowHead>
                {data.map((d, i) => (
                  <Num key={states[i]}>{count(d.clinics)}</Num>
                ))}
              </tr>
              <GroupRow label="Median price per session, with the middle half" span={span} />
              {routes.map((r) => (
                <tr key={r} className="border-b border-line" data-route={r}>
                  <RowHead>{ROUTE_LABELS[r]}</RowHead>
                  {data.map((d, i) => {
                    const x = route(d, r);
                    return (
                      <Num key={states[i]}>
                        {x ? (
                          <>
                            {wholeDollars(x.median)}
                            <span className="block text-xs text-muted">
                              {wholeDollars(x.p25)}–{wholeDollars(x.p75)} · n = {count(x.count)}
                              <FewMark clinics={x.count} />
                            </span>
                          </>
                        ) : (
                          "—"
                        )}
                      </Num>
                    );
                  })}
                </tr>
              ))}
              <GroupRow label="Typical first course (median estimate)" span={span} />
              <tr className="border-b border-line">
                <RowHead>All routes, low–high</RowHead>
                {data.map((d, i) => (
                  <Num key={states[i]}>
                    {d.course.low && d.course.high
                      ? usdRange(
                          Math.round(d.course.low.median / 100) * 100,
                          Math.round(d.course.high.median / 100) * 100,
                        )
                      : "—"}
                    <span className="block text-xs text-muted">
                      n = {count(d.course.count)}
                      <FewMark clinics={d.course.count} />
                    </span>
                  </Num>
                ))}
              </tr>
              <GroupRow label="Share of clinics with each kind of aftercare" span={span} />
              {FEATURES.map((f) => (
                <tr key={f.key} className="border-b border-line">
                  <RowHead>{f.label}</RowHead>
                  {data.map((d, i) => (
                    <Num key={states[i]}>
                      <Share n={d.features.find((x) => x.key === f.key)?.count ?? 0} of={d.clinics} />
                    </Num>
                  ))}
                </tr>
              ))}
              <GroupRow label="Paying" span={span} />
              {(
                [
                  ["In network with insurance", "inNetwork"],
                  ["Superbill for out-of-network insurance", "superbill"],
                  ["Insurance for Spravato only", "spravatoOnly"],
                  ["Takes HSA / FSA", "hsaFsa"],
                ] as const
              ).map(([label, key]) => (
                <tr key={key} className="border-b border-line">
                  <RowHead>{label}</RowHead>
                  {data.map((d, i) => (
                    <Num key={states[i]}>
                      <Share n={d.payment[key]} of={d.clinics} />
                    </Num>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="compare-chart" className="space-y-4">
        <h2 id="compare-chart" className="text-xl">
          Price per session by route, state against state
        </h2>
        <p className="max-w-2xl text-muted">
          The bar spans the middle half of prices, the dark line is the median. The numbers are in the table
          above.
        </p>
        {routes.map((r) => (
          <div key={r} className="space-y-1">
            <h3 className="font-semibold">{ROUTE_LABELS[r]}</h3>
            <RangeChart
              id={`compare-${r}`}
              title={`${ROUTE_LABELS[r]}: price per session in ${names.join(", ")}`}
              rows={data.flatMap((d, i) => {
                const x = route(d, r);
                return x ? [{ ...x, label: STATE_NAMES[states[i]!] }] : [];
              })}
            />
          </div>
        ))}
      </section>
    </div>
  );
}
