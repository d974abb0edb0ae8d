import Link from "@/components/link";
import { MIN_CITY_CLINICS, type CityRow, type Figures, type TopClinic } from "@/lib/costs/queries";
import { clinicSearchHref, costsHref, type SearchLinkParams } from "@/lib/costs/links";
import { count, percent, score, usd } from "@/lib/format";
import { ROUTE_LABELS, STATE_NAMES } from "@/lib/labels";
import type { UsState } from "@/db/enums";

/** Pieces shared by the state and city pages. */

export function Breadcrumbs({ items }: { items: { href?: string; label: string }[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <ol className="flex flex-wrap items-center gap-x-2">
        {items.map((item, i) => (
          <li key={item.label} className="flex items-center gap-x-2">
            {i > 0 && <span aria-hidden>›</span>}
            {item.href ? (
              <Link href={item.href} className="tap">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function TelehealthNote({
  figures,
  state,
  city,
}: {
  figures: Figures;
  state: UsState;
  city?: string;
}) {
  const name = STATE_NAMES[state];
  if (city) {
    return (
      <p className="max-w-2xl text-sm text-muted">
        These figures count the {count(figures.clinics)} clinics located in {city}. Online (telehealth)
        services that serve {name} are counted on the {name} page, not here. We give a city its own page once
        it has at least {MIN_CITY_CLINICS} clinics, so the numbers say something.
      </p>
    );
  }
  return (
    <p className="max-w-2xl text-sm text-muted">
      Online (telehealth) services count in every state they serve: these figures include{" "}
      {count(figures.telehealth)} online service{figures.telehealth === 1 ? "" : "s"} that serve
      {figures.telehealth === 1 ? "s" : ""} {name}, wherever they are based. In the national figures each
      service counts once.
    </p>
  );
}

export function SearchLinks({
  figures,
  base,
  place,
}: {
  figures: Figures;
  base: SearchLinkParams;
  place: string;
}) {
  const median = figures.routes.find((r) => r.route === null)?.median;
  const routes = figures.routes.filter((r) => r.route !== null).slice(0, 3);
  const links: { href: string; label: string }[] = [
    { href: clinicSearchHref(base), label: `All clinics in ${place}` },
    { href: clinicSearchHref({ ...base, integration: "included" }), label: "Integration therapy included" },
    { href: clinicSearchHref({ ...base, followUp24h: true }), label: "Check-in within 24 hours" },
    { href: clinicSearchHref({ ...base, onCall: true }), label: "Someone to call between visits" },
    { href: clinicSearchHref({ ...base, groups: "any" }), label: "Support groups" },
    { href: clinicSearchHref({ ...base, accepting: true }), label: "Taking new patients" },
  ];
  if (median != null) {
    links.push({
      href: clinicSearchHref({ ...base, maxSessionPriceCents: median }),
      label: `${usd(Math.ceil(median / 100) * 100)} a session or less (the median single-session price)`,
    });
  }
  for (const r of routes) {
    if (r.route)
      links.push({ href: clinicSearchHref({ ...base, route: r.route }), label: ROUTE_LABELS[r.route] });
  }
  return (
    <section aria-labelledby="find" className="space-y-2">
      <h2 id="find" className="text-xl">
        Find clinics in {place}
      </h2>
      <ul className="flex flex-wrap gap-2">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} className="btn-secondary text-sm">
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function TopClinics({
  top,
  place,
  scoreMedian,
}: {
  top: TopClinic[];
  place: string;
  scoreMedian: number | null;
}) {
  if (top.length === 0) return null;
  return (
    <section aria-labelledby="top" className="space-y-3">
      <h2 id="top" className="text-xl">
        Strongest aftercare in {place}
      </h2>
      <p className="max-w-2xl text-muted">
        Ranked by our aftercare score (0–100), which adds up points for integration therapy, check-ins,
        on-call help, groups and more.{" "}
        {scoreMedian != null && <>The median clinic here scores {score(scoreMedian)}. </>}
        <Link href="/methodology">How the score works</Link>.
      </p>
      <ol className="divide-y divide-line rounded-lg border border-line bg-white">
        {top.map((c) => (
          <li key={c.slug} className="flex items-center justify-between gap-3 px-4 py-2">
            <span>
              <Link href={`/clinics/${c.slug}`} className="inline-flex min-h-11 items-center font-medium">
                {c.name}
              </Link>
              <span className="block text-sm text-muted">
                {c.telehealth ? `Online service based in ${c.city}, ${c.state}` : `${c.city}, ${c.state}`}
              </span>
            </span>
            <span className="num shrink-0 font-semibold">{score(c.score)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** How many cities the state page's table shows; the rest are listed under "More cities". */
const CITY_TABLE_ROWS = 20;

/**
 * A state's cities (plain links, not `next/link`: a long list of client components would make
 * every render heavier for no gain): the largest in a table (with a page link from `MIN_CITY_CLINICS` clinics on,
 * else a search link), the rest as a compact list of search links.
 */
export function CitiesSection({ state, cities }: { state: UsState; cities: CityRow[] }) {
  const name = STATE_NAMES[state];
  const shown = cities.slice(0, CITY_TABLE_ROWS);
  const rest = cities.slice(CITY_TABLE_ROWS);
  const href = (c: CityRow) =>
    c.clinics >= MIN_CITY_CLINICS ? costsHref(state, c.slug) : clinicSearchHref({ state, city: c.city });
  return (
    <section aria-labelledby="cities" className="space-y-3">
      <h2 id="cities" className="text-xl">
        Cities in {name}
      </h2>
      <p className="max-w-2xl text-muted">
        Clinics located in each city (online services are not counted by city). A city with at least{" "}
        {MIN_CITY_CLINICS} clinics has its own cost page; the others link to a search.
      </p>
      <div className="scroll-x relative">
        <table className="w-full text-sm">
          <caption className="sr-only">
            Clinics, median price per session and integration therapy by city in {name}
          </caption>
          <thead>
            <tr className="border-b border-line text-left">
              <th scope="col" className="py-2 pr-3">
                City
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                Clinics
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                Median per session
              </th>
              <th scope="col" className="py-2 text-right">
                Integration included
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.city} className="border-b border-line">
                <th scope="row" className="py-1 pr-3 text-left font-normal">
                  <a href={href(c)} className="tap">
                    {c.city}
                    {c.clinics < MIN_CITY_CLINICS && <span className="sr-only"> (search)</span>}
                  </a>
                </th>
                <td className="num py-1 pr-3 text-right">{count(c.clinics)}</td>
                <td className="num py-1 pr-3 text-right">
                  {c.medianPrice == null ? "—" : usd(Math.round(c.medianPrice / 100) * 100)}
                </td>
                <td className="num py-1 text-right">{percent(c.integrationShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rest.length > 0 && (
        <details>
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-accent-700">
            {count(rest.length)} more cities in {name}
          </summary>
          <ul className="grid grid-cols-2 gap-x-4 sm:grid-cols-3 lg:grid-cols-4">
            {rest.map((c) => (
              <li key={c.city}>
                <a href={href(c)} className="tap">
                  {c.city}
                </a>{" "}
                <span className="num text-sm text-muted">({count(c.clinics)})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
