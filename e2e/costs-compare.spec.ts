import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/axe";

/** A CSV line split on commas outside quotes (RFC 4180). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const dollars = (text: string) => Number(text.replace(/[$,]/g, ""));

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
  const lines = (await csv.text()).trim().split("\r\n").map(csvFields);
  const header = lines[0]!;
  expect(header).toEqual([
    "place",
    "as_of",
    "section",
    "route",
    "group",
    "measure",
    "value",
    "unit",
    "clinics",
    "few_clinics",
  ]);
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
