import { headers } from "next/headers";
import Link from "@/components/link";
import { StateLinks } from "@/components/costs/state-links";
import { costsHref, stateFromParam } from "@/lib/costs/links";
import { PATH_HEADER } from "@/lib/security/headers";
import { STATE_NAMES } from "@/lib/labels";

/**
 * On a 404 under /costs/[state]/…: a link back to the state's page when the state part is real.
 * A not-found page gets no params, so the path comes from the proxy. (This was a client component
 * reading the params; Next.js ships a segment's not-found client components with every page of the
 * segment, which put zod in every cost page's first download.)
 */
async function BackToState() {
  const path = (await headers()).get(PATH_HEADER) ?? "";
  const part = /^\/costs\/([^/]+)/.exec(path)?.[1];
  const state = part ? stateFromParam(part) : null;
  if (!state) return null;
  return (
    <p className="text-lg">
      <Link href={costsHref(state)}>Go to the {STATE_NAMES[state]} page</Link>, which lists its cities.
    </p>
  );
}

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
        <StateLinks />
      </nav>
    </div>
  );
}
