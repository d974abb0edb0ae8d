"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import Link from "@/components/link";
import { watchStickyHeight } from "@/components/sticky-offset";
import { COMPARE_MAX, COMPARE_MIN, compareHref } from "@/lib/compare/href";
import { tray, useTrayItems, useTrayMessage } from "./store";

/**
 * The clinics chosen for comparison, kept across pages: a bar at the bottom of the screen with a
 * remove button for each and a link to the comparison. Rendered once, in the root layout. The live
 * region is always in the page so screen readers hear every change. Not shown on /compare, where
 * the table itself is the list (and the bar would cover it). While shown, its height is the page's
 * bottom scroll padding, so a focused element is never hidden behind it.
 */
export function CompareTray() {
  const items = useTrayItems();
  const message = useTrayMessage();
  const onComparePage = usePathname() === "/compare";
  const count = items?.length ?? 0;
  const shown = count > 0 && !onComparePage;
  const bar = useRef<HTMLElement>(null);
  useEffect(() => (shown && bar.current ? watchStickyHeight(bar.current, "bottom") : undefined), [shown]);
  return (
    <>
      <p aria-live="polite" aria-atomic="true" className="sr-only" data-testid="compare-announcer">
        {message}
      </p>
      {items && shown && (
        <section
          ref={bar}
          aria-labelledby="compare-tray-title"
          data-testid="compare-tray"
          className="no-print sticky bottom-0 z-40 border-t-2 border-accent-700 bg-white shadow-[0_-4px_12px_rgba(0,0,0,0.08)]"
        >
          <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-2 sm:flex-row sm:items-center">
            <div className="flex items-center justify-between gap-3 sm:flex-col sm:items-start sm:gap-0">
              <h2 id="compare-tray-title" className="text-base">
                Compare list{" "}
                <span className="num font-normal text-muted">
                  ({count} of {COMPARE_MAX})
                </span>
              </h2>
              <button
                type="button"
                className="min-h-11 text-sm text-accent-700 underline underline-offset-2"
                onClick={tray.clear}
              >
                Clear list
              </button>
            </div>
            <ul className="-mx-1 flex flex-1 gap-2 overflow-x-auto px-1 pb-1 sm:flex-wrap sm:overflow-visible">
              {items.map((i) => (
                <li
                  key={i.slug}
                  className="flex shrink-0 items-center rounded-full border border-line bg-accent-50 pl-3 text-sm"
                >
                  <Link href={`/clinics/${i.slug}`} className="max-w-[11rem] truncate text-ink no-underline">
                    {i.name}
                  </Link>
                  <button
                    type="button"
                    className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-full text-lg leading-none text-muted hover:text-ink"
                    aria-label={`Remove ${i.name} from compare`}
                    onClick={() => tray.remove(i.slug)}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
            {count >= COMPARE_MIN ? (
              <Link className="btn shrink-0" href={compareHref(items.map((i) => i.slug))}>
                Compare {count} clinics
              </Link>
            ) : (
              <p className="shrink-0 text-sm text-muted">Add one more clinic to compare.</p>
            )}
          </div>
        </section>
      )}
    </>
  );
}
