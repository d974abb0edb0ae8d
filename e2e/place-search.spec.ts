import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";

/** "1,234 clinics …" → 1234 */
// Several page loads, the API and axe per test, on a shared machine.
test.slow();

async function total(page: Page): Promise<number> {
  const text = await page.getByTestId("result-count").innerText();
  return Number(/^([\d,]+) clinic/.exec(text)?.[1]?.replace(/,/g, "") ?? NaN);
}

type Answer = {
  total: number;
  hits: { name: string; city: string; state: string; distanceMiles: number | null }[];
  location: { zip: string; city: string; state: string; radiusMiles: number } | null;
  words: string;
  placeChoices: { label: string; href: string }[];
  didYouMean: { label: string; words: string; href: string } | null;
  askPlace: boolean;
  suggestions: { label: string; href: string; total: number }[];
};

async function api(request: APIRequestContext, qs: string): Promise<Answer> {
  const res = await request.get(`/api/clinics?${qs}`);
  expect(res.status(), qs).toBe(200);
  return (await res.json()) as Answer;
}

// As e2e/a11y.spec.ts: no serious or critical axe violations.
async function noViolations(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

for (const [width, height, tag] of [
  [1280, 900, ""],
  [390, 844, " @phone-only"],
] as const) {
  test(`"Austin 78701" typed on the home page lands on the Austin clinics, nearest first (${width} px)${tag}`, async ({
    page,
    request,
  }) => {
    await page.setViewportSize({ width, height });
    await page.goto("/");
    await page.getByLabel("City, state, ZIP or clinic name").fill("Austin 78701");
    await page.getByRole("button", { name: "Search clinics" }).click();
    await expect(page).toHaveURL(/\/clinics\?q=Austin\+78701$/);
    await expect(page.getByTestId("result-count")).toContainText("within 25 miles of Austin, TX 78701");

    // The API reads the words the same way: the Austin clinics, nearest first, with their distance.
    const answer = await api(request, "q=Austin%2078701");
    expect(answer.location).toEqual({ zip: "78701", city: "Austin", state: "TX", radiusMiles: 25 });
    expect(answer.words).toBe("");
    expect(answer.total).toBeGreaterThanOrEqual(3);
    expect(answer.hits[0]?.city).toBe("Austin");
    const miles = answer.hits.map((h) => h.distanceMiles ?? Infinity);
    expect(miles).toEqual([...miles].sort((a, b) => a - b));
    expect(Math.max(...miles)).toBeLessThanOrEqual(25);

    expect(await total(page)).toBe(answer.total);
    const cards = page.getByTestId("result");
    await expect(cards.first()).toContainText(answer.hits[0]!.name);
    await expect(cards.first()).toBeInViewport({ ratio: 0.1 });
    await expect(cards).toHaveCount(Math.min(20, answer.total));
  });
}

test("a ZIP code with nothing near offers the smallest wider circle that finds clinics, and following it shows them @phone", async ({
  page,
  request,
}) => {
  // The expectation, from the seeded data through the API: the smallest of 50/100/250 miles that finds more.
  const near = await api(request, "zip=82001");
  expect(near.total).toBeLessThan(3);
  let expected: { radius: number; total: number } | undefined;
  for (const radius of [50, 100, 250]) {
    const wider = await api(request, `zip=82001&radius=${radius}`);
    if (wider.total > near.total) {
      expected = { radius, total: wider.total };
      break;
    }
  }
  expect(expected).toEqual({ radius: 100, total: expect.any(Number) }); // as issue 13 found it
  const { radius, total: promised } = expected!;
  expect(near.suggestions[0]).toEqual({
    label: `Within ${radius} miles`,
    href: `/api/clinics?zip=82001&radius=${radius}`,
    total: promised,
  });
  expect((await api(request, near.suggestions[0]!.href.replace("/api/clinics?", ""))).total).toBe(promised);

  await page.goto("/");
  await page.getByLabel("City, state, ZIP or clinic name").fill("82001");
  await page.getByRole("button", { name: "Search clinics" }).click();
  const offers = page.getByTestId("ways-out").getByRole("link");
  // The same ways out as the API, in the same order, each with its count.
  await expect(offers).toHaveText(
    near.suggestions.map(
      (s) => `${s.label} (${s.total.toLocaleString("en-US")} clinic${s.total === 1 ? "" : "s"})`,
    ),
  );
  await noViolations(page);
  await page.getByRole("link", { name: `Within ${radius} miles (${promised} clinics)` }).click();
  await expect(page).toHaveURL(new RegExp(`radius=${radius}`));
  await expect.poll(() => total(page)).toBe(promised);
  await expect(page.getByTestId("result")).toHaveCount(Math.min(20, promised));
});

test("an ambiguous city name asks which one, and each choice searches near it", async ({ page, request }) => {
  const answer = await api(request, "q=Springfield");
  expect(answer.location).toBeNull();
  expect(answer.placeChoices.map((c) => c.label)).toContain("Springfield, IL");

  await page.goto("/clinics?q=Springfield");
  const choices = page.getByRole("navigation", { name: "Which Springfield?" });
  await expect(choices.getByRole("link")).toHaveText(answer.placeChoices.map((c) => c.label));
  await noViolations(page);
  await choices.getByRole("link", { name: "Springfield, IL" }).click();
  await expect(page.getByTestId("result-count")).toContainText("miles of Springfield, IL");
  await expect(page.getByRole("navigation", { name: "Which Springfield?" })).toHaveCount(0);
});

test("a misspelt city is offered as 'Did you mean', and following it searches near the city, nearest first @phone", async ({
  page,
  request,
}) => {
  const answer = await api(request, "q=ptsd+austn+tx");
  expect(answer.location).toBeNull(); // offered, not applied
  expect(answer.words).toBe("ptsd austn tx");
  expect(answer.didYouMean).toMatchObject({ label: "Austin, TX", words: "austn tx" });
  const near = await api(request, answer.didYouMean!.href.replace("/api/clinics?", ""));
  expect(near.location).toMatchObject({ city: "Austin", state: "TX", radiusMiles: 25 });
  expect(near.words).toBe("ptsd");
  expect((await api(request, "q=Austin+tx")).didYouMean).toBeNull();

  await page.goto("/");
  await page.getByLabel("City, state, ZIP or clinic name").fill("ptsd austn tx");
  await page.getByRole("button", { name: "Search clinics" }).click();
  const guess = page.getByTestId("place-guess");
  await expect(guess).toContainText("Did you mean clinics near Austin, TX?");
  await noViolations(page);
  await guess.getByRole("link", { name: "clinics near Austin, TX" }).click();
  await expect(page.getByTestId("result-count")).toContainText("within 25 miles of Austin, TX");
  await expect(page.getByTestId("place-guess")).toHaveCount(0);
  await expect(page.getByLabel("Search by name, city or treatment")).toHaveValue("ptsd");
  expect(await total(page)).toBe(near.total);
  const first = near.hits[0];
  if (first) await expect(page.getByTestId("result").first()).toContainText(first.name);
});

test("'near me' asks where: typing a place, or the browser's location, searches near it @phone", async ({
  browser,
  request,
}) => {
  const answer = await api(request, "q=group%20therapy%20near%20me");
  expect(answer).toMatchObject({ askPlace: true, words: "group therapy", location: null });
  expect((await api(request, "q=group%20therapy%20near%20me&zip=78701")).askPlace).toBe(false);
  // The point → ZIP code lookup, and its refusals.
  const nearest = await request.get("/api/places/nearest?lat=30.2711&lng=-97.7437");
  expect(await nearest.json()).toEqual({ zip: "78701", city: "Austin", state: "TX" });
  expect((await request.get("/api/places/nearest?lat=51.5&lng=-0.12")).status()).toBe(404);
  const bad = await request.get("/api/places/nearest?lat=north&lng=-97");
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { parameter: string } }).error.parameter).toBe("lat");

  // The browser says it is in Austin (permission granted).
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    geolocation: { latitude: 30.2711, longitude: -97.7437 },
    permissions: ["geolocation"],
  });
  const page = await context.newPage();
  await page.goto("/clinics?q=group+therapy+near+me");
  const ask = page.getByRole("region", { name: "Where should we look?" });
  await expect(ask).toBeVisible();
  await noViolations(page);

  // Typing a place keeps the other words.
  const field = ask.getByLabel(/add your ZIP code or city/);
  await expect(field).toHaveValue("group therapy ");
  await field.press("End");
  await field.pressSequentially("Austin, TX");
  await ask.getByRole("button", { name: "Search near there" }).click();
  await expect(page.getByTestId("result-count")).toContainText("within 25 miles of Austin, TX");
  await expect(page.getByRole("region", { name: "Where should we look?" })).toHaveCount(0);
  await expect(page.locator("#f-q")).toHaveValue("group therapy");

  // Or the browser's location: the nearest ZIP code, nearest first.
  await page.goto("/clinics?q=group+therapy+near+me");
  await page.getByRole("button", { name: "Use my location" }).click();
  await expect(page).toHaveURL(/zip=78701/);
  await expect(page.getByTestId("result-count")).toContainText("within 25 miles of Austin, TX 78701");
  await context.close();
});
