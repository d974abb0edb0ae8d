import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { COSTS_CSV_HEADER, csvLines, dollars } from "./support/csv";

test("compare two states from a state page's picker; the comparison has no accessibility problems", async ({
  page,
}) => {
  test.setTimeout(240_000); // axe on a busy 2-core machine
  await page.goto("/costs/tx");
  const picker = page.getByRole("form", { name: "Compare Texas with other states" });
  await expect(picker.getByLabel("State 1")).toHaveValue("tx");
  await picker.getByLabel("State 2").selectOption("ca");
  await picker.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\/costs\/compare\?states=tx,ca$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Ketamine therapy costs compared: Texas, California",
  );
  const table = page.getByTestId("compare-table");
  await expect(table.getByRole("columnheader", { name: "Texas" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "California" })).toBeVisible();
  // IV infusion, side by side, each with its sample size
  const iv = table.locator('tr[data-route="iv_infusion"]');
  await expect(iv.locator("td")).toHaveCount(2);
  for (const cell of await iv.locator("td").all()) await expect(cell).toContainText(/\$[\d,]+.*n = \d+/);
  await expect(
    page.getByRole("img", { name: /IV infusion: price per session in Texas, California/ }),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("a comparison of unknown, too few or too many states answers 404 or 400 and says why", async ({
  page,
}) => {
  test.setTimeout(120_000);
  let res = await page.goto("/costs/compare?states=tx,zz");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("We don't know the state “zz”");
  res = await page.goto("/costs/compare?states=tx");
  expect(res?.status()).toBe(400);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("at least 2 different states");
  res = await page.goto("/costs/compare?states=tx,ca,ny,fl,wa");
  expect(res?.status()).toBe(400);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("at most 4 states");
  // upper case and repeated parameters land on the one shareable address
  await page.goto("/costs/compare?states=TX&states=CA");
  await expect(page).toHaveURL(/\/costs\/compare\?states=tx,ca$/);
});

test("a state page's CSV and JSON downloads hold the figures the page shows", async ({ page, request }) => {
  test.setTimeout(180_000); // the national file is computed cold on a busy machine
  await page.goto("/costs/tx");
  const card = page.getByTestId("route-iv_infusion");
  const median = dollars(await card.getByTestId("route-median").innerText());
  const n = Number((await card.getByTestId("route-n").innerText()).replace(/\D/g, ""));

  const csvHref = await page.getByRole("link", { name: "CSV", exact: true }).getAttribute("href");
  expect(csvHref).toBe("/costs/tx.csv");
  const csv = await request.get(csvHref!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = csvLines(await csv.text());
  const header = lines[0]!;
  expect(header).toEqual(COSTS_CSV_HEADER);
  const rec = (section: string, route: string, measure: string) =>
    lines.find((l) => l[2] === section && l[3] === route && l[5] === measure);
  const ivMedian = rec("price_per_session", "iv_infusion", "median")!;
  expect(ivMedian[0]).toBe("Texas");
  expect(Date.parse(ivMedian[1]!)).not.toBeNaN();
  expect(Math.round(Number(ivMedian[6]))).toBe(median);
  expect(Number(ivMedian[8])).toBe(n);

  const jsonHref = await page.getByRole("link", { name: "JSON", exact: true }).getAttribute("href");
  const json = (await (await request.get(jsonHref!)).json()) as {
    asOf: string;
    sample: boolean;
    records: {
      section: string;
      route: string;
      measure: string;
      value: number;
      clinics: number;
      fewClinics: boolean;
    }[];
  };
  expect(json.sample).toBe(true);
  expect(json.asOf).toBe(ivMedian[1]);
  const jr = json.records.find(
    (r) => r.section === "price_per_session" && r.route === "iv_infusion" && r.measure === "median",
  )!;
  expect(Math.round(jr.value)).toBe(median);
  expect(jr.clinics).toBe(n);
  expect(jr.fewClinics).toBe(n < 10);

  // the clinics counted match the page, and the national and city files exist
  const clinics = Number((await page.getByTestId("stat-clinics").innerText()).replace(/,/g, ""));
  expect(Number(rec("summary", "all", "clinics")![6])).toBe(clinics);
  expect((await request.get("/costs.json")).status()).toBe(200);
  expect((await request.get("/costs/zz.csv")).status()).toBe(404);
});

test("small states can be reached by tap (≥ 24 × 24 px) and by keyboard @phone", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/costs");
  const list = page.getByRole("list", { name: "Small states" });
  const ri = list.getByRole("link", { name: /^RI .*: Rhode Island: / });
  const box = await ri.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(24);
  expect(box!.height).toBeGreaterThanOrEqual(24);
  await ri.focus();
  await expect(ri).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/costs\/ri$/);
});

test("the comparison's CSV and JSON downloads hold the figures shown, with as-of times and sample sizes", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await page.goto("/costs/compare?states=tx,ca");
  const table = page.getByTestId("compare-table");
  // The page's IV infusion medians and sample sizes, state by state.
  const shown = [];
  for (const cell of await table.locator('tr[data-route="iv_infusion"] td').all()) {
    const text = await cell.innerText();
    shown.push({
      median: dollars(/\$[\d,]+/.exec(text)![0]),
      n: Number(/n = ([\d,]+)/.exec(text)![1]!.replace(/,/g, "")),
    });
  }
  expect(shown).toHaveLength(2);
  const clinics = (
    await table
      .locator("tr", { has: page.getByRole("rowheader", { name: "Clinics counted" }) })
      .locator("td")
      .allInnerTexts()
  ).map((t) => Number(t.replace(/,/g, "")));

  const csvHref = await page.getByRole("link", { name: "CSV", exact: true }).getAttribute("href");
  expect(csvHref).toBe("/costs/compare.csv?states=tx,ca");
  const csv = await request.get(csvHref!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = csvLines(await csv.text());
  expect(lines[0]).toEqual(COSTS_CSV_HEADER);
  const names = ["Texas", "California"];
  for (const [i, name] of names.entries()) {
    const iv = lines.find(
      (l) => l[0] === name && l[2] === "price_per_session" && l[3] === "iv_infusion" && l[5] === "median",
    )!;
    expect(Math.round(Number(iv[6]))).toBe(shown[i]!.median);
    expect(Number(iv[8])).toBe(shown[i]!.n);
    expect(iv[9]).toBe(String(shown[i]!.n < 10));
    expect(Date.parse(iv[1]!)).not.toBeNaN();
    const count = lines.find((l) => l[0] === name && l[2] === "summary" && l[5] === "clinics")!;
    expect(Number(count[6])).toBe(clinics[i]);
  }
  // only the sections the comparison shows
  expect(new Set(lines.slice(1).map((l) => l[2]))).toEqual(
    new Set(["summary", "price_per_session", "course_estimate", "aftercare_share", "payment_share"]),
  );

  const jsonHref = await page.getByRole("link", { name: "JSON", exact: true }).getAttribute("href");
  expect(jsonHref).toBe("/costs/compare.json?states=tx,ca");
  const json = (await (await request.get(jsonHref!)).json()) as {
    page: string;
    asOf: string;
    sample: boolean;
    places: {
      place: { name: string };
      asOf: string;
      records: { section: string; route: string; measure: string; value: number; clinics: number }[];
    }[];
  };
  expect(json.page).toBe("/costs/compare?states=tx,ca");
  expect(json.sample).toBe(true);
  expect(json.places.map((p) => p.place.name)).toEqual(names);
  for (const [i, p] of json.places.entries()) {
    const iv = p.records.find(
      (r) => r.section === "price_per_session" && r.route === "iv_infusion" && r.measure === "median",
    )!;
    expect(Math.round(iv.value)).toBe(shown[i]!.median);
    expect(iv.clinics).toBe(shown[i]!.n);
    expect(json.asOf <= p.asOf).toBe(true);
  }

  // bad states: the page's statuses and messages
  const unknown = await request.get("/costs/compare.json?states=tx,zz");
  expect(unknown.status()).toBe(404);
  expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain("“zz”");
  expect((await request.get("/costs/compare.csv?states=tx")).status()).toBe(400);
  expect((await request.get("/costs/compare.csv?states=tx,ca,ny,fl,wa")).status()).toBe(400);
});
