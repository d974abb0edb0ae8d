import { expect, type Page } from "@playwright/test";

/**
 * Text that would run script if a page ever rendered it as HTML instead of text: both its `<script>`
 * and its `<img onerror>` set `window.__xss` (and open an alert, which `failOnDialog` turns into a
 * failure where a spec installs it).
 */
export const HOSTILE_TEXT = `Calm <script>window.__xss=1;alert(1)</script><img src=x onerror="window.__xss=2;alert(2)"> care`;

/** The script element of `HOSTILE_TEXT`, as a page that escapes the text shows it. */
export const HOSTILE_SCRIPT = "<script>window.__xss=1;alert(1)</script>";

/** Fails when a script of `HOSTILE_TEXT` ran on `page`. */
export async function expectNoScriptRan(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
}
