import Link from "@/components/link";
import { BackToState } from "@/components/costs/back-to-state";
import { costsHref } from "@/lib/costs/links";
import { STATE_NAMES, STATES_BY_NAME } from "@/lib/labels";

/** An unknown state, or a city without a page: say so and offer the pages that do exist. */
export default function CostsNotFound() {
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl">We don&apos;t have a cost page for that place</h1>
        <p className="max-w-2xl text-muted">
          State pages use the two-letter postal code, like <Link href="/costs/ca">/costs/ca</Link> for
          California. Cities get their own page once they have enough clinics to say something; the state page
          lists every city.
        </p>
        <BackToState />
        <p>
          <Link href="/costs">See costs and aftercare across the US</Link> ·{" "}
          <Link href="/clinics">Search all clinics</Link>
        </p>
      </header>
      <nav aria-labelledby="all-states" className="space-y-2">
        <h2 id="all-states" className="text-xl">
          Pick a state
        </h2>
        <ul className="grid grid-cols-2 gap-x-4 sm:grid-cols-3 lg:grid-cols-4">
          {STATES_BY_NAME.map((s) => (
            <li key={s}>
              <a href={costsHref(s)} className="inline-flex min-h-11 items-center">
                {STATE_NAMES[s]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
