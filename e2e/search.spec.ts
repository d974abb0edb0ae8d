import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { holdScripts, hydrated } from "./support/hydrated";

/** "1,234 clinics" → 1234 */
async function total(page: Page): Promise<number> {
  const text = await page.getByTestId("result-count").innerText();
  return Number(/^([\d,]+) clinic/.exec(text)?.[1]?.replace(/,/g, "") ?? NaN);
}

// The cards' text is read with textContent: a card below the screen is not rendered until it comes
// near (content-visibility: auto), and innerText reads it as empty until then.
const names = (page: Page) => page.getByTestId("result").locator("h3").allTextContents();

/** The per-session prices of the cards, low ends, in dollars. */
async function sessionPrices(page: Page): Promise<number[]> {
  const texts = await page.getByTestId("result").locator("dt:text-is('Per session') + dd").allTextContents();
  return texts.map((t) => Number(/\$([\d,]+)/.exec(t)?.[1]?.replace(/,/g, "") ?? Infinity));
}

test("filter, sort, paginate, share the URL and go back", async ({ page, browser }) => {
  await page.goto("/clinics");
  const all = await total(page);
  expect(all).toBeGreaterThan(1300);

  // A checkbox applies at once, without a full reload.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.getByLabel("Included in the price").check();
  await expect(page).toHaveURL(/[?&]integration=included/);
  await expect.poll(() => total(page)).toBeLessThan(all);
  const included = await total(page);
  expect(included).toBeGreaterThan(20);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  await expect(page.getByRole("link", { name: /Included in the price/ })).toBeVisible(); // its chip

  await page.getByLabel("Sort by").selectOption("price");
  await expect(page).toHaveURL(/sort=price/);
  await expect.poll(async () => (await sessionPrices(page)).length).toBe(20);
  const prices = await sessionPrices(page);
  expect(prices).toEqual([...prices].sort((a, b) => a - b));
  const page1 = await names(page);

  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/Showing 21–40/)).toBeVisible();
  // A link opens its page without a full reload too (components/link-navigation.tsx).
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  const page2 = await names(page);
  expect(page2).not.toEqual(page1);
  expect(Math.min(...(await sessionPrices(page)))).toBeGreaterThanOrEqual(Math.max(...prices));

  // The URL is the whole state: another browser gets the same page.
  const other = await browser.newPage();
  await other.goto(page.url());
  await expect(other.getByText(/Showing 21–40/)).toBeVisible();
  expect(await names(other)).toEqual(page2);
  expect(await total(other)).toBe(included);
  await other.close();

  // Back walks the states in reverse, and the form follows.
  await page.goBack();
  await expect(page).not.toHaveURL(/page=2/);
  await expect.poll(() => names(page)).toEqual(page1);
  await expect(page.getByLabel("Sort by")).toHaveValue("price");
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=price/);
  await expect(page.getByLabel("Sort by").locator("option:checked")).toHaveText("Best match");
  await expect(page.getByLabel("Included in the price")).toBeChecked();
  await page.goBack();
  await expect(page).not.toHaveURL(/integration/);
  await expect(page.getByLabel("Included in the price")).not.toBeChecked();
  await expect.poll(() => total(page)).toBe(all);
});

for (const [width, tag] of [
  [1280, ""],
  [390, " @phone-only"],
] as const) {
  test(`the results page keeps its height as cards come near the screen (${width} px)${tag}`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 844 });
    await page.goto("/clinics");
    await expect(page.getByTestId("result")).toHaveCount(20);
    const height = () => page.evaluate(() => document.documentElement.scrollHeight);
    const before = await height();
    // Down the page a screen at a time, so every card is drawn (content-visibility: auto).
    for (let y = 0; y < before; y += 700) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    const after = await height();
    // Each card was held at about its drawn height: the page grew or shrank by under 5%.
    expect(Math.abs(after - before) / after).toBeLessThan(0.05);
    // And no wider than the screen (a card held too wide once made a phone's page 530 px wide).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}

test("a link opened with a modifier key is left to the browser: a new tab, this page stays", async ({
  page,
  context,
}) => {
  await page.goto("/clinics");
  await hydrated(page.getByRole("link", { name: "Next" })); // the links' listener is on
  await expect(page.getByTestId("show-results")).toHaveAccessibleName(/^Show [\d,]+ clinics$/);
  const [tab] = await Promise.all([
    context.waitForEvent("page"),
    page.getByRole("link", { name: "Next" }).click({ modifiers: ["ControlOrMeta"] }),
  ]);
  await expect(tab).toHaveURL(/[?&]page=2/);
  await expect(page).toHaveURL(/\/clinics$/);
  await tab.close();
});

test("choices made while the page is still loading apply once it is ready", async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto("/clinics", { waitUntil: "domcontentloaded" });
  await page.getByLabel("Near ZIP code").fill("60614");
  await page.getByLabel("Within", { exact: true }).selectOption("50");
  release();
  // Hydrating with the scripts arriving at once took ~7 s on the loaded shared machine: room for that.
  await expect(page).toHaveURL(/zip=60614/, { timeout: 30_000 });
  await expect(page).toHaveURL(/radius=50/);
  await expect(page.getByLabel("Near ZIP code")).toHaveValue("60614");
});

test("unticking a choice the results no longer list keeps the focus in its group", async ({
  page,
  request,
}) => {
  // A language no clinic near Austin speaks is listed only while it is chosen.
  const near = (await (await request.get("/api/clinics?zip=78701")).json()) as {
    facets: { language?: Record<string, number> };
  };
  const spoken = Object.entries(near.facets.language ?? {}).filter(([, n]) => n > 0);
  expect(spoken.length).toBeGreaterThan(0);
  const unspoken = ["Vietnamese", "Tagalog", "Russian", "Korean", "Arabic", "Mandarin"].find(
    (l) => !near.facets.language?.[l],
  );
  expect(unspoken).toBeDefined();
  await page.goto(`/clinics?zip=78701&language=${unspoken}`);
  const box = page.getByRole("checkbox", { name: new RegExp(`^${unspoken}`) });
  await box.focus();
  await page.keyboard.press("Space");
  await expect(page).not.toHaveURL(/language=/);
  await expect(box).toHaveCount(0);
  // The focus went to a language still listed, not to the page.
  await expect
    .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name))
    .toBe("language");
});

test("searching near a ZIP code shows distances, nearest first", async ({ page }) => {
  await page.goto("/clinics");
  await page.getByLabel("Near ZIP code").fill("60614");
  await page.getByLabel("Within", { exact: true }).selectOption("50");
  await expect(page).toHaveURL(/zip=60614/);
  await expect(page.getByLabel("Sort by").locator("option:checked")).toHaveText("Nearest");
  const miles = (
    await page
      .getByTestId("result")
      .getByText(/\d mi$/)
      .allTextContents()
  ).map(parseFloat);
  expect(miles.length).toBeGreaterThan(5);
  expect(miles).toEqual([...miles].sort((a, b) => a - b));
  expect(Math.max(...miles)).toBeLessThanOrEqual(50);
});

test("bad parameters leave the page working, with a notice each", async ({ page }) => {
  const res = await page.goto("/clinics?maxSessionPrice=-5&route=teleportation&perPage=500&page=900");
  expect(res?.status()).toBe(200);
  const note = page.getByRole("note", { name: "About your search" });
  await expect(note).toContainText("“-5” for the price per session");
  await expect(note).toContainText("“teleportation”");
  await expect(note).toContainText("“500” for the number of results per page");
  await expect(note).toContainText("There is no page 900, so here is the last page");
  await expect(page.getByTestId("result").first()).toBeVisible();
});

test("an empty result suggests which filter to drop", async ({ page }) => {
  // No listing charges $1 or less a session, in any seed: empty by construction.
  await page.goto("/clinics?state=CA&maxSessionPrice=1");
  await expect(page.getByTestId("empty")).toContainText("No clinics match");
  const hint = page
    .getByTestId("empty")
    .getByRole("link", { name: /^Search without/ })
    .first();
  await expect(hint).toHaveText(/\(\d[\d,]* clinics?\)$/);
  const promised = Number(/\((\d[\d,]*) clinic/.exec(await hint.innerText())?.[1]?.replace(/,/g, ""));
  await hint.click();
  await expect.poll(() => total(page)).toBe(promised);
});

test("words that name an aftercare filter offer it when they find little: 'group therapy' → clinics with support groups", async ({
  page,
  request,
}) => {
  // The sample listings' text never says "group": the words alone find (almost) nothing.
  const words = (await (await request.get("/api/clinics?q=group%20therapy&state=TX")).json()) as {
    total: number;
    suggestions: { label: string; href: string; total: number }[];
  };
  expect(words.total).toBeLessThan(3);
  const offer = words.suggestions[0];
  expect(offer).toMatchObject({ label: "Clinics with support groups" });
  expect(offer?.href).toMatch(/groups=any/);
  const withGroups = (await (await request.get("/api/clinics?state=TX&groups=any")).json()) as {
    total: number;
  };
  expect(offer?.total).toBe(withGroups.total);

  await page.goto("/clinics?q=group+therapy&state=TX");
  const link = page.getByTestId("ways-out").getByRole("link").first();
  await expect(link).toHaveText(
    `Clinics with support groups (${withGroups.total.toLocaleString("en-US")} clinics)`,
  );
  await link.click();
  await expect.poll(() => total(page)).toBe(withGroups.total);
  await expect(page.getByLabel("Any support group")).toBeChecked();
});

test("the public API answers JSON, 400 naming a bad parameter, 404 for an unknown listing", async ({
  request,
}) => {
  const ok = await request.get("/api/clinics?state=CA&perPage=5&followUp24h=true");
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.hits).toHaveLength(5);
  expect(body.hits[0]).not.toHaveProperty("version");
  expect(body.degraded).toBe(false);
  expect(body.facets.route).toBeTruthy();
  const bad = await request.get("/api/clinics?state=CA%22%20OR%20id%20EXISTS");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ code: "invalid_parameter", parameter: "state" });
  const one = await request.get(`/api/clinics/${body.hits[0].slug}`);
  expect(one.status()).toBe(200);
  expect((await one.json()).name).toBe(body.hits[0].name);
  expect((await request.get("/api/clinics/no-such-clinic")).status()).toBe(404);
});

test("has no serious accessibility problems", async ({ page }) => {
  await page.goto("/clinics?zip=10001&integration=included");
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form, sort and pages work as plain HTML", async ({ page }) => {
    await page.goto("/clinics");
    const all = await total(page);
    await page.getByLabel("Check-in within 24 hours").check();
    await page.locator("summary", { hasText: "Treatment" }).click(); // a closed section opens without JavaScript
    await page.getByLabel("Pill or liquid by mouth").check();
    await page.getByRole("button", { name: "Show results" }).click();
    await expect(page).toHaveURL(/followUp24h=true/);
    await expect(page).toHaveURL(/route=oral/);
    const some = await total(page);
    expect(some).toBeLessThan(all);
    expect(some).toBeGreaterThan(0);

    await page.getByLabel("Sort by").selectOption("score");
    await page.getByRole("button", { name: "Sort" }).click();
    await expect(page).toHaveURL(/sort=score/);
    await expect(page.getByLabel("Check-in within 24 hours")).toBeChecked();

    await page.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText(/Showing 21–/)).toBeVisible();
    expect(await total(page)).toBe(some);
  });
});

test("on a phone, results come first and the filters open from a panel @phone-only", async ({ page }) => {
  await page.goto("/clinics");
  const first = page.getByTestId("result").first();
  await expect(first).toBeInViewport({ ratio: 0.2 });
  const checkbox = page.getByLabel("Included in the price");
  await expect(checkbox).toBeHidden();
  await page.getByText(/^Filters/).click();
  await expect(checkbox).toBeVisible();
  const box = await page.locator("label", { has: checkbox }).boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(44);
  const all = await total(page);
  await checkbox.check();
  await expect(page).toHaveURL(/integration=included/);
  await expect.poll(() => total(page)).toBeLessThan(all);
  await expect(page.getByText(/^Filters \(1 on\)/)).toBeVisible();
});
