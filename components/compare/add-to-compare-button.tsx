"use client";

import { useId } from "react";
import { COMPARE_MAX } from "@/lib/compare/href";
import { tray, useTrayItems } from "./store";

/**
 * Adds a clinic to the compare tray, or takes it out again. Self-contained: drop it into any card
 * or page with the clinic's slug and name. Disabled until the page has loaded (the list lives in the
 * browser) and when the tray already holds `COMPARE_MAX` other clinics, with a message saying why.
 */
export function AddToCompareButton({ slug, name }: { slug: string; name: string }) {
  const items = useTrayItems();
  const hintId = useId();
  const inTray = items?.some((i) => i.slug === slug) ?? false;
  const full = items !== null && !inTray && items.length >= COMPARE_MAX;
  return (
    <div className="no-print inline-flex flex-col gap-1">
      <button
        type="button"
        className={inTray ? "btn-secondary border-accent-700" : "btn-secondary"}
        disabled={items === null || full}
        aria-describedby={full ? hintId : undefined}
        data-compare-slug={slug}
        onClick={() => (inTray ? tray.remove(slug) : tray.add({ slug, name }))}
      >
        <span aria-hidden="true" className="mr-1.5">
          {inTray ? "✓" : "+"}
        </span>
        {inTray ? "Remove from compare" : "Add to compare"}
        <span className="sr-only">: {name}</span>
      </button>
      {full && (
        <p id={hintId} className="max-w-xs text-sm text-muted">
          You can compare up to {COMPARE_MAX} clinics. Remove one from your compare list to add this one.
        </p>
      )}
    </div>
  );
}
