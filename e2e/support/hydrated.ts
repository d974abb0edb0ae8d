import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Waits until React has taken over `el` (hydrated it): from then on its handlers run. Pages draw
 * what they show before they are interactive and hydrating changes nothing on them (docs/ARCHITECTURE.md,
 * "Hydration changes nothing"), so a test that must act on the interactive page cannot wait for a
 * visible change; it waits for React's own mark on the element instead (its props, which React
 * attaches to every element it hydrates).
 */
export async function hydrated(el: Locator): Promise<void> {
  await expect
    .poll(() => el.evaluate((node) => Object.keys(node).some((k) => k.startsWith("__reactProps$"))), {
      message: "React hydrated the element",
    })
    .toBe(true);
}

/**
 * Holds back the page's own scripts (Next.js's chunks) until the returned function is called: the
 * page is then drawn and usable as HTML while no script of the app has run, as on a slow phone.
 */
export async function holdScripts(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
