"use client";

import { useId } from "react";
import Link from "@/components/link";
import { NAME_ATTRIBUTE, SLUG_ATTRIBUTE } from "@/lib/compare/early-clicks";
import { COMPARE_MAX, COMPARE_MIN, compareHref } from "@/lib/compare/href";
import { tray, useTrayItems } from "./store";

/**
 * Adds a clinic to the compare tray, or takes it out again. Self-contained: drop it into any card
 * or page with the clinic's slug and name. Drawn ready to use, so hydrating the page changes nothing
 * on it: a press before the page is interactive is added once it is (lib/compare/early-clicks.ts).
 * Not shown without JavaScript, where the list (kept in the browser) cannot work (`needs-js`). Disabled while a stored
 * list is being checked and when the tray already holds `COMPARE_MAX` other clinics, with a message
 * saying why.
 * Once the list can be compared, the compare link follows the button of every clinic in it, so a
 * keyboard user reaches it with the next Tab instead of tabbing through the rest of the page.
 */
export function AddToCompareButton({ slug, name }: { slug: string; name: string }) {
  const items = useTrayItems();
  const hintId = useId();
  const inTray = items?.some((i) => i.slug === slug) ?? false;
  const full = items !== null && !inTray && items.length >= COMPARE_MAX;
  return (
    <div className="no-print needs-js inline-flex flex-col gap-1">
      <button
        type="button"
        className={inTray ? "btn-secondary border-accent-700" : "btn-secondary"}
        disabled={items === null || full}
        aria-describedby={full ? hintId : undefined}
        {...{ [SLUG_ATTRIBUTE]: slug, [NAME_ATTRIBUTE]: name }}
        onClick={() => (inTray ? tray.remove(slug) : tray.add({ slug, name }))}
      >
        <span aria-hidden="true" className="mr-1.5">
          {inTray ? "✓" : "+"}
        </span>
        {inTray ? "Remove from compare" : "Add to compare"}
        <span className="sr-only">: {name}</span>
      </button>
      {inTray && items && items.length >= COMPARE_MIN && (
        <Link
          href={compareHref(items.map((i) => i.slug))}
          className="inline-flex min-h-11 items-center text-sm"
          data-testid="compare-now"
        >
          Compare {items.length} clinics
        </Link>
      )}
      {full && (
        <p id={hintId} className="max-w-xs text-sm text-muted">
          You can compare up to {COMPARE_MAX} clinics. Remove one from your compare list to add this one.
        </p>
      )}
    </div>
  );
}
