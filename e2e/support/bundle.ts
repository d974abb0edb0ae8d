import type { Page } from "@playwright/test";

/**
 * Whether zod has run in the page: it registers itself on `globalThis` when it loads. zod validates on
 * the server; in the browser it is 24 KB of a phone's first download (see components/compare/store.ts).
 */
export function zodLoaded(page: Page): Promise<boolean> {
  return page.evaluate(() => "__zod_globalRegistry" in globalThis);
}
