import Link from "@/components/link";
import { count } from "@/lib/format";
import type { PlaceChoice } from "@/lib/search/place-phrase";
import { searchHref, type SearchQuery } from "@/lib/search/query";
import type { WayOut } from "@/lib/search/suggestions";

/** The one-click ways out of a search that found nothing or little, each with its count (server-rendered). */
export function WaysOut({ query, ways }: { query: SearchQuery; ways: WayOut[] }) {
  if (ways.length === 0) return null;
  return (
    <ul className="space-y-2" data-testid="ways-out">
      {ways.map((w) => (
        <li key={w.label}>
          <Link href={searchHref(query, w.change)} className="inline-flex min-h-11 items-center">
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
      <Link href={searchHref(query, way.change)} className="inline-flex min-h-11 items-center">
        {way.label}
      </Link>
    </p>
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
            <Link href={searchHref(query, c.change)} className="inline-flex min-h-11 items-center">
              {c.label}
            </Link>
          </li>
        ))}
      </ul>
      <p className="text-sm">Meanwhile, here are clinics whose listing mentions “{words}”.</p>
    </nav>
  );
}
