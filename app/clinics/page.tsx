import type { Metadata } from "next";
import { headers } from "next/headers";
import { FilterPanel } from "@/components/search/filter-panel";
import { Notices, Results, activeChips } from "@/components/search/results";
import { ResultsRegion, SearchForm, SearchProvider } from "@/components/search/search-client";
import { AskPlace, PlaceChoices, PlaceGuess } from "@/components/search/ways-out";
import { EARLY_SEARCH_HEADER } from "@/lib/search/early";
import { earlySearches } from "@/lib/search/early-page";
import { parseLenient } from "@/lib/search/query";
import { appSearchDeps, searchClinics } from "@/lib/search/search";

export const metadata: Metadata = {
  title: "Find a clinic",
  description:
    "Search ketamine therapy clinics by aftercare — integration therapy, 24-hour check-ins, support groups, on-call help — by place and by what a course costs.",
  alternates: { canonical: "/clinics" },
};

const FORM_ID = "clinic-search";

/** This page's searches; the proxy starts them as requests arrive (lib/search/early.ts). */
const searches = earlySearches((query) => searchClinics(query, appSearchDeps(), "lenient"));

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** /clinics — the URL is the whole state: filters, sort and page are query parameters. */
export default async function ClinicsPage({ searchParams }: Props) {
  const parsed = parseLenient(await searchParams);
  const { query } = parsed;
  const result = await searches.take(query, (await headers()).get(EARLY_SEARCH_HEADER));
  const notices = [...parsed.notices, ...result.notices];
  const shown = { ...query, page: result.page };
  return (
    <SearchProvider>
      <div className="space-y-4">
        <h1 className="text-2xl sm:text-3xl">Find a ketamine clinic</h1>
        <a href="#results" className="skip-link" data-testid="skip-to-results">
          Skip to results
        </a>
        <Notices notices={notices} />
        <PlaceChoices query={query} choices={parsed.placeChoices ?? []} />
        {parsed.placeGuess && <PlaceGuess query={query} guess={parsed.placeGuess} />}
        {parsed.askPlace && <AskPlace query={query} />}
        <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[19rem_minmax(0,1fr)] lg:items-start">
          <SearchForm id={FORM_ID} label="Search clinics" className="space-y-3">
            <div className="space-y-1">
              <label htmlFor="f-q" className="block font-medium">
                Search by name, city or treatment
              </label>
              <div className="flex gap-2">
                <input
                  id="f-q"
                  name="q"
                  type="search"
                  defaultValue={query.q}
                  maxLength={200}
                  placeholder="e.g. Austin, PTSD, Spravato"
                  className="min-h-11 w-full min-w-0 rounded-md border border-muted bg-white px-3"
                />
                <button type="submit" className="btn shrink-0">
                  Search
                </button>
              </div>
            </div>
            <FilterPanel
              query={query}
              facets={result.facets}
              activeCount={activeChips(query).length}
              total={result.total}
            />
          </SearchForm>
          <ResultsRegion>
            <Results query={shown} result={result} formId={FORM_ID} now={new Date()} />
          </ResultsRegion>
        </div>
      </div>
    </SearchProvider>
  );
}
