import { expect, type Locator } from "@playwright/test";

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
