import Link from "@/components/link";
import { ClinicSearchForm } from "@/components/search-form";
import { connection } from "next/server";
import { homeFigures } from "@/lib/stats";
import { count, percent, usd } from "@/lib/format";
import { OFFERS_INTEGRATION, OFFERS_INTEGRATION_LABEL } from "@/lib/aftercare/offers";
import { DEFAULT_QUERY, searchHref } from "@/lib/search/query";

/** The search that lists exactly the clinics the "offer integration therapy" figure counts. */
const OFFERS_INTEGRATION_HREF = searchHref(DEFAULT_QUERY, { integration: [...OFFERS_INTEGRATION] });

export default async function HomePage() {
  await connection();
  const { stats, featured } = await homeFigures();
  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <h1 className="text-3xl sm:text-4xl">
          Find ketamine care that doesn&apos;t stop when the session ends.
        </h1>
        <p className="max-w-2xl text-lg text-muted">
          Aftercare Atlas lets you search and compare ketamine therapy clinics by their aftercare —
          integration therapy, follow-up within a day, support groups, someone to call — and by what a whole
          course really costs.
        </p>
        <ClinicSearchForm id="home-q" className="max-w-xl" />
      </section>

      <section aria-labelledby="numbers" className="space-y-3">
        <h2 id="numbers" className="text-xl">
          In the directory today
        </h2>
        <dl className="grid gap-3 sm:grid-cols-3">
          <div className="card">
            <dt className="text-sm text-muted">Clinics listed</dt>
            <dd className="num text-3xl font-semibold" data-testid="stat-clinics">
              {count(stats.clinics)}
            </dd>
          </div>
          <div className="card">
            <dt className="text-sm text-muted">{OFFERS_INTEGRATION_LABEL}</dt>
            <dd className="num text-3xl font-semibold" data-testid="stat-integration">
              {percent(stats.integrationShare)}
            </dd>
            <dd className="text-sm">
              <Link href={OFFERS_INTEGRATION_HREF} data-testid="stat-integration-link">
                See the <span className="num">{count(stats.offersIntegration)}</span> clinics
              </Link>
            </dd>
          </div>
          <div className="card">
            <dt className="text-sm text-muted">Median price per session</dt>
            <dd className="num text-3xl font-semibold" data-testid="stat-median">
              {stats.medianSessionCents == null ? "—" : usd(stats.medianSessionCents)}
            </dd>
          </div>
        </dl>
        <p className="text-sm text-muted">
          Integration therapy helps you make sense of a session and turn it into lasting change. Counts
          include only published (fictional sample) listings.
        </p>
      </section>

      {featured.length > 0 && (
        <section aria-labelledby="featured" className="space-y-3">
          <h2 id="featured" className="text-xl">
            Clinics with integration included and next-day follow-up
          </h2>
          <ul className="grid gap-2 sm:grid-cols-2">
            {featured.map((c) => (
              <li key={c.slug} className="card">
                <Link href={`/clinics/${c.slug}`} className="font-medium">
                  {c.name}
                </Link>
                <p className="text-sm text-muted">
                  {c.city}, {c.state}
                </p>
              </li>
            ))}
          </ul>
          <p>
            <Link href="/clinics?integration=included&followUp24h=true">See all clinics like these</Link>
          </p>
        </section>
      )}
    </div>
  );
}
