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
          {/* A phone gets two rows (the list and its link, then the clinics and "Clear list"), so the
              bar takes as little of the screen as it can; a wide screen, one. On a phone the names
              are cut shorter, so a whole clinic with its remove button fits beside "Clear list" (at
              320 px too) and the next one shows that the row scrolls; the padding keeps focus rings
              unclipped. */}
          <div className="mx-auto grid max-w-5xl grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 px-4 py-2 sm:grid-cols-[auto_minmax(0,1fr)_auto] sm:gap-y-0">
            <h2 id="compare-tray-title" className="col-start-1 row-start-1 text-base">
              Compare list{" "}
              <span className="num font-normal text-muted">
                ({count} of {COMPARE_MAX})
              </span>
            </h2>
            {/* On a phone the clinics and "Clear list" share the second row by themselves (a row of its
                own, not the first row's columns, whose right one is as wide as the compare link); on a
                wide screen this box is not drawn and they take their places in the bar's grid. */}
            <div className="col-span-2 row-start-2 flex items-center gap-4 sm:contents">
              <ul className="-m-1 flex min-w-0 flex-1 gap-2 overflow-x-auto p-1 sm:col-start-2 sm:row-span-2 sm:row-start-1 sm:flex-wrap sm:overflow-visible">
                {items.map((i) => (
                  <li
                    key={i.slug}
                    className="flex shrink-0 items-center rounded-full border border-line bg-accent-50 pl-3 text-sm"
                    // The whole clinic into view when its name or remove button gets focus: the browser
                    // leaves a half-scrolled-off button where it is.
                    onFocus={(e) => e.currentTarget.scrollIntoView({ block: "nearest", inline: "nearest" })}
                  >
                    <Link
                      href={`/clinics/${i.slug}`}
                      className="max-w-[7rem] truncate text-ink no-underline sm:max-w-[11rem]"
                    >
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
              <button
                type="button"
                className="min-h-11 shrink-0 text-sm text-accent-700 underline underline-offset-2 sm:col-start-1 sm:row-start-2 sm:justify-self-start"
                onClick={tray.clear}
              >
                Clear list
              </button>
            </div>
            {count >= COMPARE_MIN ? (
              <Link
                className="btn col-start-2 row-start-1 shrink-0 sm:col-start-3 sm:row-span-2"
                href={compareHref(items.map((i) => i.slug))}
              >
                Compare {count} clinics
              </Link>
            ) : (
              <p className="col-start-2 row-start-1 max-w-[11rem] text-right text-sm text-muted sm:col-start-3 sm:row-span-2 sm:max-w-none sm:text-left">
                Add one more clinic to compare.
              </p>
            )}
          </div>
        </section>
      )}
    </>
  );
}
