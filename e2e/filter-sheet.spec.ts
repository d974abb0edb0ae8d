import { expect, test, type Page } from "@playwright/test";
import { PANEL_SECTIONS } from "../lib/search/registry";
import { seriousViolations } from "./support/axe";

/**
 * Issue 13, point 3 and the rest of point 7: on a phone the filters open as a full-screen sheet (a
 * modal dialog) in the registry's section order, whose "Show N clinics" button carries the count of
 * the choices made and closes it with the focus on the results' heading; without JavaScript the form
 * still submits; unticking a filter leaves its section open with the focus on it (phone and laptop).
 */

// Several page loads, the API and axe per test, on a shared machine.
test.slow();

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

/** "1,234 clinics …" → 1234 */
async function shownTotal(page: Page): Promise<number> {
  const text = await page.getByTestId("result-count").innerText();
  return Number(/^([\d,]+) clinic/.exec(text)?.[1]?.replace(/,/g, "") ?? NaN);
}

async function apiTotal(page: Page, qs: string): Promise<number> {
  const res = await page.request.get(`/api/clinics?${qs}`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { total: number }).total;
}

/** A field by the start of its label (a choice's label ends with its count: "Evening hours 312 clinics"). */
const starting = (words: string) => new RegExp(`^${words.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}`);

const clinics = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "clinic" : "clinics"}`;

/** The section headings of the filter panel, top to bottom. */
const sectionTitles = (page: Page) =>
  page.getByTestId("filter-panel").locator("details > summary").allInnerTexts();

const filtersButton = (page: Page) => page.locator("summary", { hasText: /^Filters/ });

test.describe("on a phone (390 px) @phone-only", () => {
  test.use({ viewport: PHONE });

  test("Filters opens a full-screen modal sheet, place, price, payment and new patients first; “Show N clinics” closes it onto the results heading", async ({
    page,
  }) => {
    await page.goto("/clinics?state=CA");
    const all = await shownTotal(page);
    const sheet = page.getByRole("dialog", { name: "Filters" });
    await expect(sheet).toHaveCount(0);

    await filtersButton(page).click();
    await expect(sheet).toBeVisible();
    await expect(sheet).toHaveAttribute("aria-modal", "true");
    // Full screen, and the focus moved into it.
    const box = await sheet.boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: PHONE.width, height: PHONE.height });
    await expect(sheet.getByRole("heading", { name: "Filters" })).toBeFocused();
    // The page behind it is inert.
    expect(await page.evaluate(() => !!document.getElementById("results")?.closest("[inert]"))).toBe(true);
    expect(await page.evaluate(() => !!document.querySelector("header")?.closest("[inert]"))).toBe(true);

    // The registry's order: where, cost and payment, availability, aftercare, then the rest.
    expect((await sectionTitles(page)).map((t) => t.replace(/\s*›$/, ""))).toEqual(
      PANEL_SECTIONS.map((s) => s.title),
    );
    const top = async (label: string) => (await sheet.getByLabel(starting(label)).boundingBox())!.y;
    const place = await top("State");
    const price = await top("Price per session");
    const payment = await top("Takes HSA / FSA");
    const accepting = await top("Taking new patients");
    const aftercare = await top("Check-in within 24 hours");
    expect([place, price, payment, accepting, aftercare]).toEqual(
      [place, price, payment, accepting, aftercare].sort((a, b) => a - b),
    );

    // A choice applies at once; the button counts what it finds, as the API does.
    await sheet.getByLabel(starting("Taking new patients")).check();
    await expect(page).toHaveURL(/accepting=true/);
    const expected = await apiTotal(page, "state=CA&accepting=true");
    expect(expected).toBeLessThan(all);
    const show = sheet.getByRole("button", { name: /^Show / });
    await expect(show).toHaveAccessibleName(`Show ${clinics(expected)}`);
    await expect(sheet).toBeVisible(); // still open: the patient may choose more

    await show.click();
    await expect(sheet).toHaveCount(0);
    const heading = page.locator("#results-heading");
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
    expect(await shownTotal(page)).toBe(expected);
    expect(await page.evaluate(() => document.querySelectorAll("[inert]").length)).toBe(0);
    await expect(filtersButton(page)).toHaveText(/^Filters \(2 on\)/);
  });

  test("the sheet keeps the focus: Tab wraps inside it, nothing covers a focused control, Escape gives the focus back to Filters", async ({
    page,
  }) => {
    await page.goto("/clinics");
    await filtersButton(page).click();
    const sheet = page.getByRole("dialog", { name: "Filters" });
    await expect(sheet.getByRole("heading", { name: "Filters" })).toBeFocused();

    // Shift+Tab from the title goes round to the last control, the "Show" button.
    await page.keyboard.press("Shift+Tab");
    await expect(sheet.getByRole("button", { name: /^Show / })).toBeFocused();

    // Tab through the whole sheet: every stop is inside it, and inside its scrolling part, not under
    // its title bar or its button bar; after the last, Tab comes round to "Close".
    await page.keyboard.press("Tab");
    await expect(sheet.getByRole("button", { name: "Close" })).toBeFocused();
    let stops = 0;
    for (; stops < 200; stops++) {
      await page.keyboard.press("Tab");
      const r = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const dialog = document.querySelector<HTMLElement>('[role="dialog"]');
        const body = dialog?.children[1] as HTMLElement | undefined; // the scrolling part
        if (!el || !dialog || !body) return { inside: false, what: String(el?.tagName), covered: false };
        const what = `${el.tagName} ${el.getAttribute("name") ?? el.textContent?.trim().slice(0, 30)}`;
        if (!body.contains(el)) return { inside: dialog.contains(el), what, covered: false, end: true };
        const [b, a] = [el.getBoundingClientRect(), body.getBoundingClientRect()];
        return { inside: true, what, covered: b.top < a.top - 1 || b.bottom > a.bottom + 1 };
      });
      expect(r.inside, `stop ${stops}: ${r.what}`).toBe(true);
      expect(r.covered, `stop ${stops}: ${r.what} is under a bar`).toBe(false);
      if ("end" in r) break;
    }
    expect(stops).toBeGreaterThan(30);
    await expect(sheet.getByRole("button", { name: /^Show / })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(sheet.getByRole("button", { name: "Close" })).toBeFocused();

    await page.keyboard.press("Escape");
    await expect(sheet).toHaveCount(0);
    await expect(filtersButton(page)).toBeFocused();
    await expect(page.getByTestId("result").first()).toBeVisible();

    // "Close" does the same.
    await filtersButton(page).click();
    await sheet.getByRole("button", { name: "Close" }).click();
    await expect(sheet).toHaveCount(0);
    await expect(filtersButton(page)).toBeFocused();
  });

  test("the open sheet has no accessibility violations", async ({ page }) => {
    await page.goto("/clinics?state=CA&integration=included");
    await filtersButton(page).click();
    await expect(page.getByRole("dialog", { name: "Filters" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("Filters opens in place and the form submits", async ({ page }) => {
      await page.goto("/clinics");
      const all = await shownTotal(page);
      await filtersButton(page).click();
      await expect(page.getByRole("dialog")).toHaveCount(0);
      await page.getByLabel(starting("Taking new patients")).check();
      await page.getByLabel("Price per session").selectOption("600");
      await page.getByRole("button", { name: "Show results" }).click();
      await expect(page).toHaveURL(/accepting=true/);
      await expect(page).toHaveURL(/maxSessionPrice=600/);
      const some = await shownTotal(page);
      expect(some).toBe(await apiTotal(page, "accepting=true&maxSessionPrice=600"));
      expect(some).toBeLessThan(all);
    });
  });
});

test.describe("on a laptop (1280 px)", () => {
  test.use({ viewport: LAPTOP });

  test("the filters stand beside the results in the same section order, with no sheet", async ({ page }) => {
    await page.goto("/clinics");
    await expect(filtersButton(page)).toBeHidden();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    const panel = page.getByTestId("filter-panel");
    await expect(panel.getByLabel(starting("Taking new patients"))).toBeVisible();
    const [p, r] = [await panel.boundingBox(), await page.locator("#results").boundingBox()];
    expect(p!.x + p!.width).toBeLessThanOrEqual(r!.x); // beside, not above
    expect((await sectionTitles(page)).map((t) => t.replace(/\s*›$/, ""))).toEqual(
      PANEL_SECTIONS.map((s) => s.title),
    );
    // "Show N clinics" counts the current choices and takes the focus to the results.
    const show = panel.getByRole("button", { name: /^Show / });
    await expect(show).toHaveAccessibleName(`Show ${clinics(await shownTotal(page))}`);
    await show.click();
    await expect(page.locator("#results-heading")).toBeFocused();
  });
});

/** Unticks `label` (in `scope`) from the keyboard and checks that its section stays open around it. */
async function untickKeepsFocus(
  page: Page,
  scope: ReturnType<Page["locator"]>,
  label: string,
  param: string,
) {
  const box = scope.getByLabel(starting(label));
  await expect(box).toBeChecked();
  await box.focus();
  const before = await shownTotal(page);
  await page.keyboard.press("Space");
  await expect(page).not.toHaveURL(new RegExp(`${param}=`));
  await expect.poll(() => shownTotal(page)).toBeGreaterThan(before);
  await expect(box).not.toBeChecked();
  await expect(box).toBeFocused();
  await expect(box).toBeVisible();
  const section = scope.locator("details", { has: page.getByLabel(starting(label)) }).last();
  await expect(section).toHaveAttribute("open", "");
  // And it can be ticked again from where the focus is.
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(new RegExp(`${param}=`));
  await expect(box).toBeFocused();
}

for (const [name, viewport] of [
  ["laptop", LAPTOP],
  ["phone", PHONE],
] as const) {
  test(`unticking a section's last filter keeps the section open and the focus on it (${name})${name === "phone" ? " @phone-only" : ""}`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    // "Treatment" is closed until one of its filters is on.
    await page.goto("/clinics?route=oral");
    let scope = page.getByTestId("filter-panel");
    if (name === "phone") {
      await filtersButton(page).click();
      scope = page.getByRole("dialog", { name: "Filters" });
    }
    await untickKeepsFocus(page, scope, "Pill or liquid by mouth", "route");
    if (name === "phone") await expect(scope).toBeVisible(); // the sheet stays open
  });
}
