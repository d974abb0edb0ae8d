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

// WCAG 2.2 SC 1.4.10 (reflow): at 320 CSS px nothing needs scrolling sideways but wide tables, which
// scroll in their own boxes; and no chart's text runs out of its chart (SVG text never wraps).
const REFLOW_PAGES: (string | ((slugs: string[]) => string))[] = [
  "/",
  "/clinics",
  "/clinics?q=Austin%2078701",
  ([a]) => `/clinics/${a}`,
  ([a, b, c]) => `/compare?c=${a},${b},${c}`,
  "/costs",
  "/costs/tx",
  "/costs/tx/austin",
  "/costs/compare?states=tx,ca",
  "/guide",
  "/methodology",
  "/for-clinics",
  "/signin",
  "/no-such-page",
];
test("at 320 px wide no page scrolls sideways and no chart's text leaves its chart @phone-only", async ({
  page,
}) => {
  test.slow();
  await page.setViewportSize({ width: 320, height: 640 });
  const slugs = await someSlugs(page, 3);
  for (const p of REFLOW_PAGES) {
    const path = typeof p === "string" ? p : p(slugs);
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    const outside = await page.evaluate(() =>
      [...document.querySelectorAll("svg text")].flatMap((t) => {
        const svg = t.closest("svg")!.getBoundingClientRect();
        const r = t.getBoundingClientRect();
        return r.width > 0 && (r.left < svg.left - 1 || r.right > svg.right + 1) ? [t.textContent] : [];
      }),
    );
    expect(outside, path).toEqual([]);
  }
});

test("in a forced-colours theme, chart text takes the theme's text colour, the map's legend keeps its colours and buttons keep an outline", async ({
  page,
}) => {
  // A dark contrast theme, as Windows applies it: the page's own colours give way to the theme's.
  await page.emulateMedia({ forcedColors: "active", colorScheme: "dark" });
  await page.goto("/costs/tx");
  const { text, labels } = await page.evaluate(() => ({
    text: getComputedStyle(document.body).color,
    labels: [...document.querySelectorAll("svg text")].map((t) => getComputedStyle(t).fill),
  }));
  expect(labels.length).toBeGreaterThan(10);
  expect(new Set(labels)).toEqual(new Set([text]));
  // The map keeps its colours (SVG fills are not forced), and so must its legend's swatches: their
  // computed colours read the same either way, so what is checked is that they opt out of forcing.
  await page.goto("/costs");
  const swatches = await page
    .getByRole("figure")
    .getByRole("list", { name: "Legend" })
    .locator("span[aria-hidden]")
    .evaluateAll((spans) => spans.map((s) => getComputedStyle(s).forcedColorAdjust));
  expect(swatches.length).toBeGreaterThan(3);
  expect(new Set(swatches)).toEqual(new Set(["none"]));
  await page.goto("/clinics");
  const search = page.getByRole("button", { name: "Search", exact: true });
  expect(await search.evaluate((b) => getComputedStyle(b).borderTopStyle)).toBe("solid");
});
