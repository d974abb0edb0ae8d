import Link from "@/components/link";
import { count } from "@/lib/format";
import type { PlaceChoice, PlaceOffer } from "@/lib/search/place-phrase";
import { searchHref, toSearchParams, type SearchQuery } from "@/lib/search/query";
import { UseMyLocation } from "./search-client";
import type { WayOut } from "@/lib/search/suggestions";

/** The one-click ways out of a search that found nothing or little, each with its count (server-rendered). */
export function WaysOut({ query, ways }: { query: SearchQuery; ways: WayOut[] }) {
  if (ways.length === 0) return null;
  return (
    <ul className="space-y-2" data-testid="ways-out">
      {ways.map((w) => (
        <li key={w.label}>
          <Link href={searchHref(query, w.change)} className="tap">
            {w.label} ({count(w.total)} {w.total === 1 ? "clinic" : "clinics"})
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * "3 clinics don't list prices — show them": on a search with a per-session price limit, the link
 * to the same search without it (the label carries the count of clinics without a price).
 */
export function UnpricedOffer({ query, way }: { query: SearchQuery; way: WayOut }) {
  return (
    <p className="text-sm" data-testid="unpriced">
      <Link href={searchHref(query, way.change)} className="tap">
        {way.label}
      </Link>
    </p>
  );
}

/**
 * "Did you mean clinics near Austin, TX?": the words read as no place but misspell one
 * (`guessPlace`); the link searches near it with the other words. The results below stay those of
 * the words as typed.
 */
export function PlaceGuess({ query, guess }: { query: SearchQuery; guess: PlaceOffer }) {
  return (
    <div className="rounded-md border border-notice-line bg-notice p-3" data-testid="place-guess">
      <p className="font-medium">
        Did you mean{" "}
        <Link href={searchHref(query, guess.change)} className="tap">
          clinics near {guess.label}
        </Link>
        ?
      </p>
      <p className="text-sm">Meanwhile, here are clinics whose listing matches “{query.q}”.</p>
    </div>
  );
}

/** "Which Springfield did you mean?": one link per city of that name, biggest first. */
export function PlaceChoices({ query, choices }: { query: SearchQuery; choices: PlaceChoice[] }) {
  const words = choices[0]?.change.zip?.city;
  if (!words) return null;
  return (
    <nav aria-label={`Which ${words}?`} className="rounded-md border border-notice-line bg-notice p-3">
      <p className="font-medium">Which {words} did you mean?</p>
      <ul className="mt-1 flex flex-wrap gap-x-4">
        {choices.map((c) => (
          <li key={c.label}>
            <Link href={searchHref(query, c.change)} className="tap">
              {c.label}
            </Link>
          </li>
        ))}
      </ul>
      <p className="text-sm">Meanwhile, here are clinics whose listing mentions “{words}”.</p>
    </nav>
  );
}

/**
 * "Near me" with no place: the words can't say where, so the page asks — a ZIP code or city added to
 * the words (a plain GET form, the other filters kept), or the browser's location.
 */
export function AskPlace({ query }: { query: SearchQuery }) {
  const keep = [...toSearchParams({ ...query, page: 1 })].filter(([name]) => name !== "q");
  const example = (place: string) => (query.q ? `${query.q} ${place}` : place);
  return (
    <section
      aria-labelledby="ask-place-title"
      className="space-y-2 rounded-md border border-notice-line bg-notice p-3"
      data-testid="ask-place"
    >
      <h2 id="ask-place-title" className="text-lg font-semibold">
        Where should we look?
      </h2>
      <form action="/clinics" method="get" className="space-y-1">
        {keep.map(([name, value], i) => (
          <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
        ))}
        <label htmlFor="ask-place-q" className="block">
          “Near me” needs a place: add your ZIP code or city to the search
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            id="ask-place-q"
            name="q"
            type="search"
            defaultValue={query.q ? `${query.q} ` : ""}
            maxLength={200}
            aria-describedby="ask-place-hint"
            className="min-h-11 w-full min-w-0 flex-1 rounded-md border border-muted bg-white px-3 sm:w-auto"
          />
          <button type="submit" className="btn shrink-0">
            Search near there
          </button>
        </div>
        <p id="ask-place-hint" className="text-sm">
          For example “{example("78701")}” or “{example("Austin, TX")}”.
        </p>
      </form>
      <UseMyLocation />
      <p className="text-sm">Meanwhile, these are clinics anywhere, not sorted by distance.</p>
    </section>
  );
}
