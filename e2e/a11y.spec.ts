import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";

/** Slugs of a few published clinics, read from the public API. */
async function someSlugs(page: Page, n: number): Promise<string[]> {
  const res = await page.request.get(`/api/clinics?perPage=${n}&sort=score`);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { hits: { slug: string }[] };
  return body.hits.map((h) => h.slug);
}

async function expectNoSeriousViolations(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  expect(await seriousViolations(page), path).toEqual([]);
}

// One test per page, so a slow machine gives each its own time and a failure names its page. The cost
// pages (national, state, city) have theirs in e2e/costs.spec.ts; a comparison of three, the empty
// comparison and a profile with the compare tray theirs in e2e/profile-compare.spec.ts.
// A page named by clinics gets two published ones from the API.
const PAGES: [string, string | ((slugs: string[]) => string)][] = [
  ["home", "/"],
  ["search", "/clinics"],
  ["search with filters", "/clinics?state=CA&integration=included&followUp24h=true"],
  ["profile", ([a]) => `/clinics/${a}`],
  ["compare", ([a, b]) => `/compare?c=${a},${b}`],
  ["methodology", "/methodology"],
  ["guide", "/guide"],
  ["for clinics", "/for-clinics"],
  ["sign in", "/signin"],
];
for (const [name, path] of PAGES) {
  test(`axe: ${name} has no serious or critical violations`, async ({ page }) => {
    await expectNoSeriousViolations(page, typeof path === "string" ? path : path(await someSlugs(page, 2)));
  });
}

/** Presses Tab until the focused element matches `selector` (or gives up). */
async function tabTo(page: Page, selector: string, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test("keyboard only: home → search → a filter → a profile → compare", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await tabTo(page, "#home-q");
  await page.keyboard.type("ketamine");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/clinics\?.*q=ketamine/);

  // A filter, toggled with the space bar, applies and lands in the URL.
  await tabTo(page, 'input[name="followUp24h"]');
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/followUp24h=true/, { timeout: 15_000 });

  // Add two results to the compare list, then open the first profile.
  await tabTo(page, "button[data-compare-slug]");
  await page.keyboard.press("Enter");
  await tabTo(page, "button[data-compare-slug]:not([aria-pressed='true'])");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("compare-tray")).toContainText("2 of 4");
  await tabTo(page, 'main a[href^="/clinics/"]');
  const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute("href"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // From the tray, open the comparison.
  await tabTo(page, 'a[href^="/compare?c="]');
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/compare\?c=/);
  await expect(page.getByRole("table")).toBeVisible();
});
