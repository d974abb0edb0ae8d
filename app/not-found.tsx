import type { Metadata } from "next";
import { MainPagesList } from "@/components/site-pages";
import { ClinicSearchForm } from "@/components/search-form";

export const metadata: Metadata = { title: "Page not found" };

/**
 * Any address the site doesn't have: in the site's own layout (crisis line, navigation, footer),
 * with a search box and the pages most people came for.
 */
export default function NotFound() {
  return (
    <div className="space-y-6" data-testid="not-found">
      <header className="space-y-2">
        <h1 className="text-3xl">We couldn&apos;t find that page</h1>
        <p className="max-w-2xl text-lg text-muted">
          The address may be mistyped, or the page may have moved. You can search for a clinic from here, or
          go to one of the main pages below.
        </p>
      </header>
      <section aria-labelledby="nf-search" className="space-y-2">
        <h2 id="nf-search" className="text-xl">
          Search for a clinic
        </h2>
        <ClinicSearchForm id="not-found-q" className="max-w-xl" />
      </section>
      <nav aria-labelledby="nf-pages" className="space-y-2">
        <h2 id="nf-pages" className="text-xl">
          Or go to
        </h2>
        <MainPagesList />
      </nav>
    </div>
  );
}
