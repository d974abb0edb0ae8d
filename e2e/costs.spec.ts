import type { Page } from "@playwright/test";
import { US_STATES } from "../db/enums";
import { STATE_NAMES } from "../lib/labels";
import { seriousViolations } from "./support/axe";
import { csvLines, dollars } from "./support/csv";
import { zodLoaded } from "./support/bundle";
import { expect, test } from "./support/fixtures";

/** The first city in the state's table that has its own cost page. */
async function firstCityPage(page: Page) {
  const link = page.locator('#cities ~ div table a[href^="/costs/ca/"]').first();
  return { link, name: (await link.innerText()).trim() };
}

test("the map's states link to their state pages", async ({ page }) => {
  await page.goto("/costs");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("What ketamine therapy costs");
  const states = page.getByRole("group", { name: /Map of the United States/ }).getByRole("link");
  await expect(states).toHaveCount(51);
  // Each state's accessible name says its value: "California: $600, 298 clinics".
  const california = page.getByRole("link", { name: /^California: \$[\d,]+, [\d,]+ clinics$/ });
  await expect(california).toHaveAttribute("href", "/costs/ca");
  // The outlines come from the cached sprite: drawn, California is a sizeable shape.
  await expect.poll(async () => (await california.boundingBox())?.width ?? 0).toBeGreaterThan(40);
  const href = await california.locator("use").getAttribute("href");
  expect(href).toMatch(/^\/maps\/us-states\.svg\?v=[0-9a-f]{12}#CA$/);
  const sprite = await page.request.get(href!.split("#")[0]!);
  expect(sprite.headers()["content-type"]).toContain("image/svg+xml");
  expect(sprite.headers()["cache-control"]).toContain("immutable");
  await california.click();
  await expect(page).toHaveURL(/\/costs\/ca$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Ketamine therapy costs and aftercare in California",
  );
  await expect(page.getByText(/online services? that serves? California/)).toBeVisible();

  await page.goto("/costs");
  await page.getByRole("link", { name: /^Texas: / }).click();
  await expect(page).toHaveURL(/\/costs\/tx$/);
});

test("tabbing through the map on a phone: every state in the tab order is big enough to see its focus, and its ring fits the map @phone-only", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/costs");
  const map = page.getByRole("group", { name: /Map of the United States/ });
  await map.getByRole("link").first().focus();
  const seen: string[] = [];
  for (let i = 0; i < 60; i++) {
    const r = await page.evaluate(() => {
      const a = document.activeElement;
      const svg = a?.closest("svg");
      if (!a || !svg) return null;
      const shape = a.querySelector("use")!.getBoundingClientRect();
      const frame = svg.getBoundingClientRect();
      const ring = (5 / 2) * (frame.width / svg.viewBox.baseVal.width); // the focus stroke, in px
      return {
        name: a.getAttribute("aria-label")!.split(":")[0]!,
        size: Math.min(shape.width, shape.height),
        inside:
          shape.left - ring >= frame.left - 0.5 &&
          shape.right + ring <= frame.right + 0.5 &&
          shape.top - ring >= frame.top - 0.5 &&
          shape.bottom + ring <= frame.bottom + 0.5,
      };
    });
    if (!r) break;
    seen.push(r.name);
    expect(r.size, `${r.name} is too small to see its focus`).toBeGreaterThanOrEqual(6);
    expect(r.inside, `${r.name}'s focus ring is cut off`).toBe(true);
    await page.keyboard.press("Tab");
  }
  // The small states are reached in the list under the map, with full-size links.
  expect(seen).toHaveLength(41);
  expect(seen).toContain("Alaska");
  expect(seen).not.toContain("District of Columbia");
  const dc = page.getByRole("link", { name: /^DC / });
  await dc.focus();
  const box = await dc.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
});

test("state → city → clinic, with links into search", async ({ page }) => {
  await page.goto("/costs/ca");
  await expect(page.getByRole("link", { name: "Integration therapy included" })).toHaveAttribute(
    "href",
    "/clinics?state=CA&integration=included",
  );
  const { link, name } = await firstCityPage(page);
  await link.click();
  await expect(page).toHaveURL(/\/costs\/ca\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Ketamine therapy costs and aftercare in ${name}, CA`,
  );
  await expect(page.getByText(/at least 5 clinics/)).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "California" }),
  ).toHaveAttribute("href", "/costs/ca");
  const clinic = page.locator("#top ~ ol a").first();
  const clinicName = (await clinic.innerText()).trim();
  await clinic.click();
  await expect(page).toHaveURL(/\/clinics\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(clinicName);
});

test("charts are server-rendered SVG with text alternatives, and work without JavaScript", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/costs?map=integration");
  await expect(
    page.getByRole("heading", { name: /By state: share of clinics with: integration therapy included/ }),
  ).toBeVisible();
  const images = page.locator('svg[role="img"]');
  expect(await images.count()).toBeGreaterThanOrEqual(4);
  for (const svg of await images.all()) {
    await expect(svg.locator("title")).not.toHaveText("");
    await expect(svg.locator("desc")).not.toHaveText("");
  }
  // the map as a table, with a link per state
  await page.getByText("Show the map as a table").click();
  await expect(page.locator("#map table tbody tr")).toHaveCount(51);
  await context.close();
});

test("an unknown map choice falls back to prices with a notice", async ({ page }) => {
  await page.goto("/costs?map=<script>");
  await expect(page.locator("#map").getByRole("status")).toContainText("median price per session");
  await expect(page.getByRole("heading", { name: "By state: median price per session" })).toBeVisible();
});

test("unknown states and cities answer 404 with useful links; a state with no clinics has a page", async ({
  page,
  sql,
}) => {
  let res = await page.goto("/costs/zz");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "California" })).toHaveAttribute("href", "/costs/ca");
  await expect(page.getByRole("link", { name: /^Go to the/ })).toHaveCount(0); // "zz" is no state

  res = await page.goto("/costs/ca/no-such-city");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Go to the California page" })).toHaveAttribute(
    "href",
    "/costs/ca",
  );

  for (const bad of ["/costs/ca%20", "/costs/c", "/costs/ca/LOS-ANGELES", "/costs/ca/los-angeles/x"]) {
    expect((await page.goto(bad))?.status(), bad).toBe(404);
  }

  res = await page.goto("/costs/CA");
  expect(page.url()).toMatch(/\/costs\/ca$/);

  // A state where no published listing counts (the rule of lib/costs/queries.ts, scopeWhere), found
  // in the database rather than assumed: an empty page that says what to do, not an error.
  const counted = await sql<{ st: string }[]>`
    select distinct s.st from clinics c,
      unnest(case when c.clinic_type = 'telehealth' then c.states_served else array[c.state] end) as s(st)
    where c.status = 'published'`;
  const empty = US_STATES.find((st) => !counted.some((r) => r.st === st));
  expect(empty, "a state without clinics to show").toBeDefined();
  res = await page.goto(`/costs/${empty!.toLowerCase()}`);
  expect(res?.status()).toBe(200);
  await expect(
    page.getByRole("heading", { name: `No clinics listed in ${STATE_NAMES[empty!]} yet` }),
  ).toBeVisible();
});

test("canonical links, sitemap index and robots.txt", async ({ page, request, sql }) => {
  await page.goto("/costs/ca?utm=x");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/costs\/ca$/);
  await expect(page).toHaveTitle(/California/);

  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: http:\/\/localhost:\d+\/sitemap\.xml/);
  const index = await (await request.get("/sitemap.xml")).text();
  expect(index).toContain("/sitemaps/pages.xml");
  expect(index).toContain("/sitemaps/clinics-f.xml");
  const pages = await (await request.get("/sitemaps/pages.xml")).text();
  expect(pages).toContain("/costs/ca</loc>");
  expect(pages).toMatch(/\/costs\/ca\/[a-z0-9-]+<\/loc>/);
  let clinics = 0;
  for (const shard of "0123456789abcdef") {
    const xml = await (await request.get(`/sitemaps/clinics-${shard}.xml`)).text();
    clinics += (xml.match(/<loc>[^<]*\/clinics\/[a-z0-9-]+<\/loc>/g) ?? []).length;
  }
  // every published listing, once (listings are added only by the "writes" project, after this)
  const [published] = await sql<{ n: number }[]>`
    select count(*)::int as n from clinics where status = 'published'`;
  expect(clinics).toBe(published!.n);
  expect((await request.get("/sitemaps/clinics-g.xml")).status()).toBe(404);
});

test.describe("no serious or critical accessibility problems", () => {
  // axe on a page this size takes a while on a busy 2-core machine
  test.describe.configure({ timeout: 120_000 });

  test("on the national page", async ({ page }) => {
    await page.goto("/costs");
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("on a state page", async ({ page }) => {
    await page.goto("/costs/ca");
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("on a city page", async ({ page }) => {
    await page.goto("/costs/ca");
    const { link } = await firstCityPage(page);
    await link.click();
    await expect(page).toHaveURL(/\/costs\/ca\/[a-z0-9-]+$/);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test("on a phone: headline numbers, the map and its switch @phone", async ({ page }) => {
  await page.goto("/costs");
  await expect(page.getByTestId("stat-median")).toHaveText(/^\$[\d,]+$/);
  await expect(page.getByRole("group", { name: /Map of the United States/ })).toBeVisible();
  await page.getByLabel("Colour the map by").selectOption("followup");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/map=followup/);
  await expect(page.getByRole("heading", { name: /check-in within 24 hours/i })).toBeVisible();
  const show = page.getByRole("button", { name: "Show" });
  const box = await show.boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(44);
});

test("on a phone, every table wider than the screen scrolls in a box that shows there is more @phone-only", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/costs", "/costs/tx"]) {
    await page.goto(path);
    // Tables behind "Show as a table" too.
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("main *")]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "auto")
        .map((el) => ({
          what: el.getAttribute("aria-label") ?? el.querySelector("caption")?.textContent ?? el.className,
          // The edge shadows (the `scroll-x` utility): covers that move with the content, shadows that stay.
          attachment: getComputedStyle(el).backgroundAttachment,
          focusable: el.tabIndex >= 0,
        })),
    );
    expect(boxes.length, path).toBeGreaterThan(0);
    for (const b of boxes) {
      expect(b.attachment, `${path}: ${b.what}`).toBe("local, local, scroll, scroll");
      expect(b.focusable, `${path}: ${b.what} can be scrolled from the keyboard`).toBe(true);
    }
  }
});

test("home, search and the cost pages send no schema library to the browser", async ({ page }) => {
  for (const path of ["/costs", "/costs/ca", "/clinics", "/"]) {
    await page.goto(path);
    await expect(page.getByRole("contentinfo")).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await zodLoaded(page), path).toBe(false);
  }
});

for (const [path, file] of [
  ["/costs", "/costs.csv"],
  ["/costs/tx", "/costs/tx.csv"],
] as const) {
  test(`price movement on ${path}: a line chart with its table, the same figures as the download`, async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    await page.goto(path);
    const section = page.getByTestId("price-movement");
    // Scrolled to, as a reader would: the section is drawn only near the screen (content-visibility:
    // auto), and innerText reads it as empty until then.
    await section.scrollIntoViewIfNeeded();
    await expect(section.getByRole("heading", { level: 2 })).toHaveText(
      "How prices per session moved over the last year",
    );
    const chart = section.getByRole("img", { name: /^Median price per session by month and route/ });
    await expect(chart).toBeVisible();
    await expect(chart.locator("desc")).toContainText("IV infusion: from $");
    const rows = section.getByTestId("movement-table").locator("tr");
    await expect(rows).toHaveCount(12);
    const routes = await section.locator("thead th").allInnerTexts();
    expect(routes[0]).toBe("Month");
    expect(routes).toContain("IV infusion");
    const ivColumn = routes.indexOf("IV infusion"); // the th is column 0, so cells are 1-based here
    const lines = csvLines(await (await request.get(file)).text()).filter(
      (l) => l[2] === "price_movement" && l[3] === "iv_infusion",
    );
    expect(lines).toHaveLength(12);
    const months = new Set<string>();
    for (const row of await rows.all()) {
      const month = await row.getAttribute("data-row");
      const text = await row
        .locator("td")
        .nth(ivColumn - 1)
        .innerText();
      const median = dollars(/\$[\d,]+/.exec(text)![0]);
      const n = Number(/n = ([\d,]+)/.exec(text)![1]!.replace(/,/g, ""));
      const rec = lines.find((l) => l[4] === month)!;
      expect(Math.round(Number(rec[6])), month!).toBe(median);
      expect(Number(rec[8]), month!).toBe(n);
      expect(n).toBeGreaterThanOrEqual(10); // a charted route rests on enough clinics every month
      months.add((await row.locator("td").allInnerTexts()).map((t) => /\$[\d,]+/.exec(t)?.[0]).join(" "));
    }
    // the sample price history moves some national medians (IV's may sit on one quoted price)
    if (path === "/costs") expect(months.size).toBeGreaterThan(1);
  });
}
