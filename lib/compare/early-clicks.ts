import { uniqueSlugs, type TrayItem } from "./tray";

/**
 * "Add to compare" pressed before the page is interactive. The compare buttons are drawn ready to
 * use (hydrating the page changes nothing on it; docs/ARCHITECTURE.md), so a press can come before
 * React is there to hear it: on a slow phone that is seconds. A few lines of script at the top of the
 * page (`EARLY_CLICKS_SCRIPT`, rendered by the root layout) note such presses; the compare list's
 * store (components/compare/store.ts) adds them once it loads, and from then on React hears every press
 * itself (it replays one that lands while it is still hydrating).
 */

/** The window property holding the noted presses, and the one saying the store has taken over. */
export const EARLY_QUEUE = "__atlasCompareEarly";
export const EARLY_DONE = "__atlasCompareReady";

/** Each button carries what the list keeps: its clinic's slug and name. */
export const SLUG_ATTRIBUTE = "data-compare-slug";
export const NAME_ATTRIBUTE = "data-compare-name";

/** The script, as plain ES5 for any browser; it reads only these attributes and pushes strings. */
export const EARLY_CLICKS_SCRIPT =
  `(function(){var q=window.${EARLY_QUEUE}=[];document.addEventListener("click",function(e){` +
  `if(window.${EARLY_DONE})return;var t=e.target,b=t&&t.closest?t.closest("button[${SLUG_ATTRIBUTE}]"):null;` +
  `if(b)q.push([b.getAttribute("${SLUG_ATTRIBUTE}"),b.getAttribute("${NAME_ATTRIBUTE}")])},true)})();`;

/**
 * Takes the presses noted so far (each clinic once, in order) and stops the script noting more.
 * Anything in the queue that is not a pair of non-empty strings is dropped.
 */
export function takeEarlyClicks(win: Record<string, unknown>): TrayItem[] {
  win[EARLY_DONE] = true;
  const queue = win[EARLY_QUEUE];
  win[EARLY_QUEUE] = [];
  if (!Array.isArray(queue)) return [];
  const items: TrayItem[] = [];
  for (const entry of queue as unknown[]) {
    if (!Array.isArray(entry)) continue;
    const [slug, name] = entry as unknown[];
    if (typeof slug === "string" && typeof name === "string" && slug && name.trim())
      items.push({ slug, name });
  }
  // Past the list's limit they still go to the store, which answers the fifth as a press would be.
  return uniqueSlugs(items);
}
