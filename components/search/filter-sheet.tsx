"use client";

import { useCallback, useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { useSearchPending } from "./search-client";

/**
 * The client islands of the filter panel (the fields themselves are server-rendered, in
 * filter-panel.tsx): the panel's frame, which on a phone opens as a full-screen sheet, and the
 * sections, which stay open while you use them.
 *
 * Without JavaScript the panel is a plain disclosure: "Filters" opens it in place and "Show results"
 * submits the form. With it, below the wide layout (Tailwind's `lg`, where the panel stands beside the
 * results) "Filters" opens a modal sheet: labelled, focus moved into it and kept there, the rest of
 * the page inert, Escape or "Close" closes it and gives the focus back to "Filters". Its "Show N
 * clinics" button carries the count for the choices made so far (each choice applies at once), and
 * closes the sheet with the focus on the results' heading.
 */

/** The wide layout, where the panel stands beside the results (Tailwind's `lg`). */
const WIDE = "(min-width: 64rem)";
const RESULTS_HEADING = "results-heading";
const TITLE_ID = "filter-sheet-title";

/** Whether `el` is `first` or comes before it (the sheet's title does). */
const isAtOrBefore = (el: Element | null, first: HTMLElement) =>
  el === first ||
  (el !== null && Boolean(first.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING));

/**
 * Makes `sheet` modal: everything outside it inert, the page behind it unscrollable, Escape calls
 * `onEscape`, and Tab wraps from `last` to `first` (and back with Shift+Tab, also from the title before `first`). Returns the undo.
 */
function makeModal(
  sheet: HTMLElement,
  ends: { first: HTMLElement; last: HTMLElement },
  onEscape: () => void,
): () => void {
  const madeInert: HTMLElement[] = [];
  for (let node: HTMLElement = sheet; node !== document.body && node.parentElement;) {
    const parent: HTMLElement = node.parentElement;
    for (const sibling of Array.from(parent.children)) {
      if (sibling === node || !(sibling instanceof HTMLElement) || sibling.inert) continue;
      sibling.inert = true;
      madeInert.push(sibling);
    }
    node = parent;
  }
  const root = document.documentElement;
  const overflow = root.style.overflow;
  root.style.overflow = "hidden";
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      onEscape();
    } else if (e.key === "Tab" && !e.shiftKey && document.activeElement === ends.last) {
      e.preventDefault();
      ends.first.focus();
    } else if (e.key === "Tab" && e.shiftKey && isAtOrBefore(document.activeElement, ends.first)) {
      e.preventDefault();
      ends.last.focus();
    }
  };
  document.addEventListener("keydown", onKey);
  return () => {
    document.removeEventListener("keydown", onKey);
    root.style.overflow = overflow;
    for (const el of madeInert) el.inert = false;
  };
}

export function FilterSheet({
  activeCount,
  found,
  children,
}: {
  /** How many filter values are on (shown on the "Filters" button). */
  activeCount: number;
  /** How many clinics the current choices find, in words ("12 clinics"; formatted by the server). */
  found: string;
  children: ReactNode;
}) {
  const pending = useSearchPending();
  const [sheet, setSheet] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const summary = useRef<HTMLElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const showButton = useRef<HTMLButtonElement>(null);
  /** Where the focus goes once the sheet has closed (and the page is no longer inert). */
  const focusAfter = useRef<"filters" | "results" | null>(null);

  const close = useCallback((focus: "filters" | "results" | null) => {
    focusAfter.current = focus;
    if (details.current) details.current.open = false;
    setSheet(false);
  }, []);

  useEffect(() => {
    if (!sheet) {
      const to = focusAfter.current;
      focusAfter.current = null;
      if (to === "filters") summary.current?.focus();
      else if (to === "results") document.getElementById(RESULTS_HEADING)?.focus();
      return;
    }
    if (!panel.current || !closeButton.current || !showButton.current) return;
    const undo = makeModal(panel.current, { first: closeButton.current, last: showButton.current }, () =>
      close("filters"),
    );
    title.current?.focus();
    // Widened to the side-by-side layout (a turned tablet): the panel is no longer a sheet.
    const wide = window.matchMedia(WIDE);
    const onWide = () => wide.matches && close(null);
    wide.addEventListener("change", onWide);
    return () => {
      wide.removeEventListener("change", onWide);
      undo();
    };
  }, [sheet, close]);

  const onSummaryClick = (e: MouseEvent) => {
    // In place (as without JavaScript) on a wide screen, or when it was opened before the page was ready.
    if (window.matchMedia(WIDE).matches || details.current?.open) return;
    e.preventDefault();
    if (details.current) details.current.open = true;
    setSheet(true);
  };

  const onShow = () => {
    // The button also submits the form, which applies any typed words (the choices already applied).
    if (sheet) close("results");
    else document.getElementById(RESULTS_HEADING)?.focus();
  };

  return (
    <details
      ref={details}
      className="rounded-lg border border-line bg-white lg:border-0 lg:bg-transparent lg:[&::details-content]:[content-visibility:visible]"
    >
      <summary
        ref={summary}
        onClick={onSummaryClick}
        className="flex min-h-12 cursor-pointer items-center justify-between px-4 font-semibold lg:hidden"
      >
        <span>Filters{activeCount > 0 ? ` (${activeCount} on)` : ""}</span>
        <span aria-hidden="true" className="text-sm font-normal text-muted">
          Show / hide
        </span>
      </summary>
      <div
        ref={panel}
        data-testid="filter-panel"
        {...(sheet
          ? {
              role: "dialog",
              "aria-modal": true,
              "aria-labelledby": TITLE_ID,
              className: "fixed inset-0 z-50 flex flex-col bg-white",
            }
          : { className: "px-4 pb-4 lg:px-0" })}
      >
        {sheet && (
          <div className="flex items-center justify-between gap-3 border-b border-line px-4 py-1">
            <h2 id={TITLE_ID} ref={title} tabIndex={-1} className="text-xl">
              Filters
            </h2>
            <button
              ref={closeButton}
              type="button"
              className="btn-secondary"
              onClick={() => close("filters")}
            >
              Close
            </button>
          </div>
        )}
        <div className={sheet ? "flex-1 overflow-y-auto overscroll-contain px-4 pb-4" : undefined}>
          {children}
        </div>
        <div
          className={
            sheet
              ? "border-t border-line bg-white px-4 py-3"
              : "sticky bottom-0 -mx-4 border-t border-line bg-white px-4 py-3 lg:static lg:mx-0 lg:border-0 lg:bg-transparent lg:px-0"
          }
        >
          {sheet && (
            <p aria-live="polite" className="sr-only">
              {pending ? "" : `${found} match these filters`}
            </p>
          )}
          <button
            ref={showButton}
            type="submit"
            className="btn w-full"
            onClick={onShow}
            data-testid="show-results"
          >
            {/* Both words are drawn and CSS shows one, so the page need not change when it becomes
                interactive: without JavaScript the count would not follow the choices. */}
            <span className="js-only">{pending ? "Counting clinics…" : `Show ${found}`}</span>
            <span className="no-js-only">Show results</span>
          </button>
        </div>
      </div>
    </details>
  );
}

/**
 * One section of the panel, open when the registry says so or when one of its filters is on. Once
 * open it stays open, also when its last chosen value is removed (the focus stays on that control);
 * a section that a new search turns on opens.
 */
export function PanelSection({
  title,
  open,
  children,
}: {
  title: string;
  open: boolean;
  children: ReactNode;
}) {
  const [isOpen, setOpen] = useState(open);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setOpen(true);
  }
  return (
    <details
      open={isOpen}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      className="group/section border-t border-line py-2"
    >
      <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between text-lg font-semibold [&::-webkit-details-marker]:hidden">
        {title}
        <span
          aria-hidden="true"
          className="text-base text-muted transition-transform group-open/section:rotate-90"
        >
          ›
        </span>
      </summary>
      <div className="space-y-4 pb-2 pt-1">{children}</div>
    </details>
  );
}
