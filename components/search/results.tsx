import Link from "@/components/link";
import { choiceLabel } from "@/lib/search/labels";
import {
  DEFAULT_QUERY,
  PARAM_NAMES,
  SORTS,
  defaultSort,
  searchHref,
  type ParamName,
  type QueryIssue,
  type SearchQuery,
  type Sort,
} from "@/lib/search/query";
import { PLACE_PARAMS } from "@/lib/search/filters";
import type { SearchResult } from "@/lib/search/search";
import { STATE_NAMES } from "@/lib/labels";
import { cardOf } from "./card-words";
import { ResultCard } from "./result-card";
import { UnpricedOffer, WaysOut } from "./ways-out";
import type { WayOut } from "@/lib/search/suggestions";
import { count, counted } from "@/lib/format";

const SORT_LABELS: Record<Sort, string> = {
  relevance: "Best match",
  price: "Lowest price",
  score: "Best aftercare",
  distance: "Nearest",
  verified: "Recently verified",
};

/** The query without one parameter value (for a chip's ✕), or without whole parameters. */
function without(q: SearchQuery, params: readonly ParamName[], value?: string): Partial<SearchQuery> {
  const change: Record<string, unknown> = {};
  for (const p of params) {
    const v = q[p];
    change[p] =
      Array.isArray(v) && value !== undefined ? v.filter((x) => String(x) !== value) : DEFAULT_QUERY[p];
  }
  return change as Partial<SearchQuery>;
}

type Chip = { label: string; href: string };

/** One removable chip per chosen filter value, so a phone user sees (and can drop) what is on. */
export function activeChips(q: SearchQuery): Chip[] {
  const chips: Chip[] = [];
  const add = (label: string, change: Partial<SearchQuery>) =>
    chips.push({ label, href: searchHref(q, change) });
  if (q.q) add(`“${q.q}”`, { q: "" });
  if (q.state) add(STATE_NAMES[q.state], without(q, ["state", "city"]));
  if (q.city) add(q.city, { city: null });
  if (q.zip) add(`Within ${q.radius} mi of ${q.zip.code}`, without(q, ["zip", "radius"]));
  if (q.telehealthIn) add(`Online in ${STATE_NAMES[q.telehealthIn]}`, { telehealthIn: null });
  for (const p of PARAM_NAMES) {
    if ((PLACE_PARAMS as readonly string[]).includes(p) || ["q", "sort", "page", "perPage"].includes(p))
      continue;
    const v = q[p];
    if (Array.isArray(v)) for (const x of v) add(choiceLabel(p, String(x)), without(q, [p], String(x)));
    else if (v !== null && v !== false) add(choiceLabel(p, String(v)), without(q, [p]));
  }
  return chips;
}

export function Notices({ notices }: { notices: QueryIssue[] }) {
  if (notices.length === 0) return null;
  return (
    <div
      role="note"
      aria-label="About your search"
      className="rounded-md border border-notice-line bg-notice p-3"
    >
      <ul className="space-y-1 text-sm">
        {notices.map((x, i) => (
          <li key={i}>{x.notice}</li>
        ))}
      </ul>
    </div>
  );
}

function DegradedNotice() {
  return (
    <div
      role="status"
      className="rounded-md border border-notice-line bg-notice p-3 text-sm"
      data-testid="degraded"
      data-page-cache="off"
    >
      <p>
        <strong>Reduced search:</strong> our search engine is not answering right now, so these results come
        straight from our database. Filters, sorting and counts still work, but spelling mistakes in your
        search words are not corrected.
      </p>
    </div>
  );
}

/**
 * The sort select (outside the form, joined to it with `form=`). The default order has the empty
 * value, so it is left out of the URL and follows the location: nearest first near a ZIP code.
 */
function SortControl({ query, formId }: { query: SearchQuery; formId: string }) {
  const byDefault = defaultSort(query);
  const sorts = SORTS.filter((s) => s !== "distance" || query.zip);
  const value = (s: Sort) => (s === byDefault ? "" : s);
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="sort" className="text-sm font-medium">
        Sort by
      </label>
      <select
        // A new default (a ZIP code given or dropped) changes which option is the empty one: remount.
        key={byDefault}
        id="sort"
        name="sort"
        form={formId}
        defaultValue={value(query.sort)}
        data-default=""
        className="min-h-11 rounded-md border border-muted bg-white px-2"
      >
        {sorts.map((s) => (
          <option key={s} value={value(s)}>
            {SORT_LABELS[s]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" form={formId} className="btn-secondary">
          Sort
        </button>
      </noscript>
    </div>
  );
}

/** Page numbers to show: the first, the last, and two either side of the current one. */
function pageWindow(page: number, totalPages: number): (number | "gap")[] {
  const keep = new Set([1, totalPages, page - 2, page - 1, page, page + 1, page + 2]);
  const pages = [...keep].filter((p) => p >= 1 && p <= totalPages).sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  pages.forEach((p, i) => {
    if (i > 0 && p - pages[i - 1]! > 1) out.push("gap");
    out.push(p);
  });
  return out;
}

function Pagination({ query, result }: { query: SearchQuery; result: SearchResult }) {
  const { page, totalPages } = result;
  if (totalPages <= 1) return null;
  const href = (p: number) => searchHref(query, { page: p });
  const step = "btn-secondary min-w-11 px-3";
  return (
    <nav aria-label="Pages of results" className="flex flex-wrap items-center justify-center gap-1.5">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={step}>
          Previous
        </Link>
      ) : null}
      <ul className="flex flex-wrap items-center gap-1.5">
        {pageWindow(page, totalPages).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span
                  aria-current="page"
                  className="num inline-flex min-h-11 min-w-11 items-center justify-center rounded-md bg-accent-700 px-3 font-semibold text-white"
                >
                  {count(p)}
                </span>
              ) : (
                <Link href={href(p)} className={`num ${step}`} aria-label={`Page ${count(p)}`}>
                  {count(p)}
                </Link>
              )}
            </li>
          ),
        )}
      </ul>
      {page < totalPages ? (
        <Link href={href(page + 1)} rel="next" className={step}>
          Next
        </Link>
      ) : null}
    </nav>
  );
}

/** Nothing matched: say so, and offer the ways out (a wider circle, online care, one filter fewer). */
function EmptyState({ query, ways }: { query: SearchQuery; ways: WayOut[] }) {
  return (
    <div className="card space-y-3" data-testid="empty">
      <h2 className="text-xl">No clinics match all of your choices</h2>
      {ways.length > 0 ? (
        <>
          <p>Try widening your search:</p>
          <WaysOut query={query} ways={ways} />
        </>
      ) : (
        <p>Try fewer filters, or check the spelling of your search words.</p>
      )}
      <p>
        <Link href="/clinics" className="tap">
          Clear every filter
        </Link>
      </p>
    </div>
  );
}

export function Results({
  query,
  result,
  formId,
  now,
}: {
  query: SearchQuery;
  result: SearchResult;
  formId: string;
  now: Date;
}) {
  const chips = activeChips(query);
  // The offer of the clinics without a price stands apart: it comes with any number of results.
  const unpriced = result.suggestions.find((w) => w.unpriced !== undefined);
  const ways = result.suggestions.filter((w) => w !== unpriced);
  const first = (result.page - 1) * result.perPage + 1;
  const last = first + result.hits.length - 1;
  return (
    // `#results` is the target of the "Skip to results" link; tabIndex lets it take the focus.
    <section id="results" tabIndex={-1} aria-labelledby="results-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2
            id="results-heading"
            // The phone filter sheet's "Show N clinics" button puts the focus here.
            tabIndex={-1}
            className="text-xl"
            aria-live="polite"
            data-testid="result-count"
          >
            {counted(result.total, "clinic")}
            {query.zip
              ? ` within ${query.radius} miles of ${query.zip.city}, ${query.zip.state} ${query.zip.code}`
              : ""}
          </h2>
          {result.total > 0 && (
            <p className="text-sm text-muted">
              Showing <span className="num">{count(first)}</span>–<span className="num">{count(last)}</span>
              {result.totalPages > 1 && ` · page ${count(result.page)} of ${count(result.totalPages)}`}
            </p>
          )}
        </div>
        <SortControl query={query} formId={formId} />
      </div>

      {chips.length > 0 && (
        <ul aria-label="Filters you chose" className="flex flex-wrap gap-2">
          {chips.map((c) => (
            <li key={c.label}>
              <Link
                href={c.href}
                className="inline-flex min-h-11 items-center gap-1.5 rounded-full border border-accent-600 bg-white px-3 text-sm text-accent-800 no-underline hover:bg-accent-50"
              >
                {c.label}
                <span aria-hidden="true">✕</span>
                <span className="sr-only">(remove)</span>
              </Link>
            </li>
          ))}
          <li>
            <Link href="/clinics" className="inline-flex min-h-11 items-center px-2 text-sm">
              Clear all
            </Link>
          </li>
        </ul>
      )}

      {result.degraded && <DegradedNotice />}

      {unpriced && <UnpricedOffer query={query} way={unpriced} />}

      {result.total === 0 ? (
        <EmptyState query={query} ways={ways} />
      ) : (
        <ol className="space-y-3" aria-label="Clinics">
          {result.hits.map((hit) => (
            <ResultCard key={hit.id} card={cardOf(hit, now)} />
          ))}
        </ol>
      )}
      {result.total > 0 && ways.length > 0 && (
        <div className="card space-y-2" data-testid="few">
          <p className="font-medium">
            Only {counted(result.total, "clinic")} found. Widen your search to see more:
          </p>
          <WaysOut query={query} ways={ways} />
        </div>
      )}

      <Pagination query={query} result={result} />
    </section>
  );
}
