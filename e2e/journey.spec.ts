import { expect, test, type Page } from "@playwright/test";
import { SCORE_RUBRIC } from "../lib/aftercare/score";
import { STALE_AFTER_DAYS } from "../lib/listings/freshness";
import { axe } from "./support/axe";

/**
 * Issue 13, points 5–8 of a patient's journey, at a phone's width (390 px), the narrowest width a
 * page must work at without scrolling sideways (320 px, WCAG 1.4.10) and a laptop's (1280 px):
 * cards that decide, a comparison that keeps its labels, focus never hidden by a sticky bar, a skip
 * link, the compare link right after the buttons that fill the list, one integration figure, a 404.
 */

// axe reads every node of long pages; give each test room on a busy machine.
test.describe.configure({ timeout: 180_000 });

type ApiHit = {
  slug: string;
  name: string;
  sessionMin: number | null;
  priceUpdatedAt: string | null;
  aftercareScore: number;
};

async function apiHits(page: Page, query: string): Promise<ApiHit[]> {
  const res = await page.request.get(`/api/clinics?${query}`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { hits: ApiHit[] }).hits;
}

const DAY_MS = 86_400_000;
const isStalePrice = (h: ApiHit) =>
  h.priceUpdatedAt === null || (Date.now() - Date.parse(h.priceUpdatedAt)) / DAY_MS > STALE_AFTER_DAYS + 1;
const isFreshPrice = (h: ApiHit) =>
  h.priceUpdatedAt !== null && (Date.now() - Date.parse(h.priceUpdatedAt)) / DAY_MS < STALE_AFTER_DAYS - 1;

/**
 * Puts these clinics in the compare list, as the tray's own storage holds them (from the site's
 * lightest answer: storage belongs to the origin, so no page need render for it).
 */
async function fillTray(page: Page, hits: Pick<ApiHit, "slug" | "name">[]) {
  await page.goto("/robots.txt");
  await page.evaluate(
    (value) => localStorage.setItem("aftercare-atlas:compare:v1", value),
    JSON.stringify(hits.map(({ slug, name }) => ({ slug, name }))),
  );
}

async function noViolations(page: Page, label: string) {
  const { violations } = await axe(page).analyze();
  expect(
    violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    ),
    label,
  ).toEqual([]);
}

const HEIGHTS: Record<number, number> = { 320: 640, 390: 844, 1280: 800 };
for (const width of [320, 390, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: HEIGHTS[width]! } });

    test("a result card says availability first, how it's given, how to pay, the price's age and the score in words", async ({
      page,
    }) => {
      await page.goto("/clinics?sort=score");
      const card = page.getByTestId("result").first();
      const badge = card.getByTestId("availability");
      await expect(badge).toHaveText(
        /^(Taking new patients|Waitlist for new patients|Not taking new patients)$/,
      );
      // Availability comes before the clinic's name.
      const [badgeBox, nameBox] = [await badge.boundingBox(), await card.locator("h3").boundingBox()];
      expect(badgeBox!.y).toBeLessThan(nameBox!.y);
      await expect(card.getByTestId("routes")).toHaveText(
        /IV infusion|IM injection|Lozenge|Pill|Spravato|At-home/,
      );
      await expect(card.getByTestId("payment")).toHaveText(
        /^(Self-pay only|Insurance for|In network|Superbill)/,
      );
      await expect(card.getByTestId("price-age")).toHaveText(/^Prices (from [A-Z][a-z]{2} \d{4}|not dated)/);
      // The best score there is means every support the score counts.
      const [best] = await apiHits(page, "sort=score&perPage=1");
      await expect(card.getByTestId("supports")).toHaveText(
        best!.aftercareScore === 100
          ? `${SCORE_RUBRIC.length} of ${SCORE_RUBRIC.length} supports`
          : new RegExp(`^\\d+ of ${SCORE_RUBRIC.length} supports$`),
      );

      // A clinic whose prices are over a year old is flagged on its card; a fresh one is not.
      const hits = await apiHits(page, "perPage=100");
      const stale = hits.find((h) => h.priceUpdatedAt !== null && isStalePrice(h));
      const fresh = hits.find(isFreshPrice);
      expect(stale, "a listing with prices over a year old in the sample").toBeTruthy();
      expect(fresh, "a listing with recent prices in the sample").toBeTruthy();
      for (const [hit, flagged] of [
        [stale!, true],
        [fresh!, false],
      ] as const) {
        await page.goto(`/clinics?q=${encodeURIComponent(hit.name)}`);
        const age = page
          .getByTestId("result")
          .filter({ has: page.getByRole("link", { name: hit.name, exact: true }) })
          .first()
          .getByTestId("price-age");
        if (flagged) await expect(age).toHaveText(/^Prices from [A-Z][a-z]{2} \d{4} \(over a year old\)$/);
        else await expect(age).not.toContainText("over a year old");
      }
      await noViolations(page, "search results");
    });

    test("the comparison keeps the clinic names on screen, starts with the deciding rows and never stars a stale price", async ({
      page,
    }) => {
      // A clinic with old prices that is cheaper per session than one with fresh prices.
      const hits = await apiHits(page, "sort=price&perPage=100");
      const stale = hits.find((h) => h.sessionMin !== null && isStalePrice(h));
      const fresh = hits.find((h) => isFreshPrice(h) && stale && (h.sessionMin ?? 0) > stale.sessionMin!);
      expect(stale && fresh, "a stale cheap price and a fresh dearer one in the sample").toBeTruthy();
      await page.goto(`/compare?c=${fresh!.slug},${stale!.slug}`);
      await expect(page.getByTestId("compare-tray")).toHaveCount(0);

      const first = await page
        .locator("tbody tr[data-row]")
        .evaluateAll((rows) => rows.slice(0, 4).map((r) => r.getAttribute("data-row")));
      expect(first).toEqual(["course", "newPatients", "session", "integration"]);
      // The stale price is lower, but it is never "★ Lowest".
      const session = page.locator('tr[data-row="session"] td');
      await expect(session.nth(1).locator("xpath=self::*[@data-best]")).toHaveCount(0);
      await expect(session.nth(1)).toContainText("over a year old");

      // Scroll to the cost rows: the clinic names are still on screen, above the row.
      await page.locator('tr[data-row="consult"]').scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, 200));
      const head = await page.getByTestId("compare-head").boundingBox();
      expect(head!.y).toBeGreaterThanOrEqual(-1);
      expect(head!.y).toBeLessThanOrEqual(1);
      await expect(
        page.locator("thead").getByRole("link", { name: fresh!.name, exact: true }),
      ).toBeInViewport();
      await expect(
        page.locator("thead").getByRole("link", { name: stale!.name, exact: true }),
      ).toBeInViewport();

      // Nothing scrolls sideways; two clinics sit side by side.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const cols = page.locator("thead th[scope=col]");
      const [a, b] = [await cols.nth(0).boundingBox(), await cols.nth(1).boundingBox()];
      expect(a!.y).toBe(b!.y);
      expect(a!.x + a!.width).toBeLessThanOrEqual(b!.x + 1);
      const label = await page.locator('tr[data-row="session"] th').boundingBox();
      const cell = await session.nth(0).boundingBox();
      if (width < 640)
        expect(label!.y + label!.height).toBeLessThanOrEqual(cell!.y + 1); // label above
      else expect(label!.x + label!.width).toBeLessThanOrEqual(cell!.x + 1); // label beside
      await noViolations(page, "compare");
    });

    test("tabbing through search with two clinics in the tray never puts the focus under a sticky bar", async ({
      page,
    }) => {
      const two = await apiHits(page, "perPage=2&sort=score");
      await fillTray(page, two);
      await page.goto("/clinics");
      const tray = page.getByTestId("compare-tray");
      await expect(tray).toContainText("(2 of 4)");
      // Every bar that stays on screen while the page scrolls (found once: the page doesn't change).
      await page.evaluate(() => {
        for (const b of document.querySelectorAll<HTMLElement>("body *")) {
          const { position } = getComputedStyle(b);
          if (position === "sticky" || position === "fixed") b.dataset.e2eSticky = "";
        }
      });
      // From the top through the search form and filters, then from the results to the end of the page
      // (bounded: the whole filter panel is ~130 stops).
      let checked = 0;
      for (let i = 0; i < 200; i++) {
        if (i === 70) await page.locator("#results").focus();
        await page.keyboard.press("Tab");
        const r = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const box = el.getBoundingClientRect();
          const bars = [...document.querySelectorAll<HTMLElement>("[data-e2e-sticky]")].filter(
            (b) => !b.contains(el) && b.offsetHeight > 0,
          );
          const covered = bars
            .map((b) => ({ b, r: b.getBoundingClientRect() }))
            .filter(({ r }) => r.top < window.innerHeight && r.bottom > 0) // on screen
            .filter(
              ({ r }) => box.top < r.bottom && box.bottom > r.top && box.left < r.right && box.right > r.left,
            )
            .map(({ b }) => b.dataset.testid ?? b.className);
          return {
            what: `${el.tagName} ${el.textContent?.trim().slice(0, 40)}`,
            inTray: !!el.closest('[data-testid="compare-tray"]'),
            covered,
          };
        });
        if (!r) continue;
        expect(r.covered, `focus ${i}: ${r.what}`).toEqual([]);
        checked++;
        if (r.inTray) break; // reached the end of the page
      }
      expect(checked).toBeGreaterThan(60);
    });

    test("every control of the compare list is wholly on screen when it has the focus", async ({ page }) => {
      // The longest names make the widest clinics: on a phone the list scrolls sideways.
      const hits = await apiHits(page, "perPage=50&sort=score");
      const longest = [...hits].sort((a, b) => b.name.length - a.name.length).slice(0, 3);
      await fillTray(page, longest);
      await page.goto("/clinics");
      const tray = page.getByTestId("compare-tray");
      await tray.getByRole("link", { name: "Compare 3 clinics" }).focus();
      // Backwards from the link: "Clear list", then each clinic's remove button and name.
      const seen: string[] = [];
      for (let i = 0; i < 7; i++) {
        await page.keyboard.press("Shift+Tab");
        const r = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const box = el.getBoundingClientRect();
          const list = el.closest("ul");
          const clip = list ? list.getBoundingClientRect() : { left: 0, right: window.innerWidth };
          return {
            what: el.getAttribute("aria-label") ?? el.textContent?.trim() ?? "",
            inside:
              box.left >= Math.max(0, clip.left) - 0.5 &&
              box.right <= Math.min(window.innerWidth, clip.right) + 0.5,
          };
        });
        seen.push(r.what);
        expect(r.inside, `${r.what} is cut off`).toBe(true);
      }
      expect(seen.filter((w) => w.startsWith("Remove "))).toHaveLength(3);
    });

    test("a skip link jumps to the results, and the compare link follows the buttons that fill the list", async ({
      page,
    }) => {
      await page.goto("/clinics");
      const skip = page.getByRole("link", { name: "Skip to results" });
      // It is the first stop after the page's heading.
      await page.getByRole("heading", { level: 1 }).click();
      await page.keyboard.press("Tab");
      await expect(skip).toBeFocused();
      const box = await skip.boundingBox();
      expect(box!.width).toBeGreaterThan(20); // visible while focused
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/#results$/);
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => !!document.activeElement?.closest("#results"))).toBe(true);

      // Fill the list from the keyboard: the next Tab after the second button is the compare link.
      const adds = page.getByRole("button", { name: /^\+?\s*Add to compare/ });
      await adds.nth(0).focus();
      await page.keyboard.press("Enter");
      await adds.nth(0).focus(); // the first card's button now reads "Remove", so nth(0) is the second card
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      const link = page.locator(":focus");
      await expect(link).toHaveText("Compare 2 clinics");
      await expect(link).toHaveAttribute("href", /^\/compare\?c=/);
    });

    test("the integration figure is one number with one meaning on home, search and costs", async ({
      page,
    }) => {
      await page.goto("/");
      const share = (await page.getByTestId("stat-integration").innerText()).trim();
      const link = page.getByTestId("stat-integration-link");
      const counted = Number((await link.innerText()).replace(/\D/g, ""));
      await link.click();
      await expect(page).toHaveURL(/integration=included&integration=add_on/);
      await expect(page.getByTestId("result-count")).toHaveText(
        new RegExp(`^${counted.toLocaleString("en-US")} clinics`),
      );
      await page.goto("/costs");
      const figure = page.getByRole("definition").filter({ has: page.getByTestId("stat-integration-share") });
      await expect(
        page.getByRole("term").filter({ hasText: "Offer integration therapy (included or extra cost)" }),
      ).toBeVisible();
      await expect(figure.getByTestId("stat-integration-share")).toHaveText(share);
    });

    test("an unknown address answers a real 404 in the site's layout, with search and the main pages", async ({
      page,
    }) => {
      const res = await page.goto("/no-such-page/anywhere");
      expect(res?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "We couldn't find that page" })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Main" })).toBeAttached(); // the site's header
      const search = page.getByTestId("not-found").getByRole("search");
      await expect(search).toBeVisible();
      for (const href of ["/clinics", "/costs", "/guide"]) {
        await expect(page.getByTestId("not-found").locator(`a[href="${href}"]`)).toBeVisible();
      }
      await noViolations(page, "404");
      await search.getByRole("searchbox").fill("Austin");
      await search.getByRole("button", { name: "Search clinics" }).click();
      await expect(page).toHaveURL(/\/clinics\?q=Austin/);
    });

    test("home and compare with a full tray have no accessibility violations", async ({ page }) => {
      const two = await apiHits(page, "perPage=2&sort=score");
      await fillTray(page, two);
      await page.goto("/");
      await expect(page.getByTestId("compare-tray")).toBeVisible();
      await noViolations(page, "home");
      await page.goto("/clinics");
      await expect(page.getByTestId("compare-tray")).toBeVisible();
      await noViolations(page, "search with the tray");
      await page.goto(`/compare?c=${two.map((h) => h.slug).join(",")}&diff=1`);
      await noViolations(page, "compare, differences only");
    });
  });
}
