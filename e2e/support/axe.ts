import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/**
 * An axe-core run on the page as it is, for every check of the suite. `setLegacyMode()` runs
 * `axe.run()` in the page itself instead of `runPartial()` there and `finishRun()` in a new blank
 * page: the same rules and results (it tests same-origin frames only, and the site has no frames),
 * in about half the time (on /clinics, 20–24 s instead of 47 s on the loaded 2-core machine).
 * `resultTypes: ["violations"]`: every rule still runs on every node and each violation lists all its
 * nodes, but passes, incomplete and inapplicable results keep one node each (the suite reads only
 * violations), which spares building a selector for thousands of passing nodes and sending them back:
 * on /clinics 1.9 s of page CPU instead of 4.0 s, and 0.08 s of test-runner CPU instead of 0.5 s.
 */
export function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ["violations"] });
}

/** axe-core's serious and critical violations on the page, one line each (empty when there are none). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await axe(page).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
