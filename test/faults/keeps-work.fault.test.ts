import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb } from "@/db/connect";
import { clinics, sessions, users } from "@/db/schema";
import { startApp, stopAll, type App } from "./app";

/**
 * The site over plain http on its production build, driven by a real Chromium: what a person gets
 * for bad input and during a PostgreSQL outage. Every answer must be one a page can show: no error
 * screen, no lost typing, no 500, no uncaught error in the server's log.
 */

const ADMIN = "admin@fault.test";
let app: App;
let browser: Browser;
let context: BrowserContext;
let clinicId: string;
/** Content-Security-Policy violations the pages reported (zod's eval probe would be one). */
const violations: string[] = [];

beforeAll(async () => {
  app = await startApp({ seed: 40, env: { ADMIN_EMAILS: ADMIN } });
  // A signed-in admin: a database session, as Auth.js stores it after an emailed link.
  const conn = createDb(app.databaseUrl, { max: 1 });
  const [user] = await conn.db.insert(users).values({ email: ADMIN, role: "admin" }).returning();
  const token = randomBytes(32).toString("hex");
  await conn.db.insert(sessions).values({
    sessionToken: token,
    userId: user!.id,
    expires: new Date(Date.now() + 86_400_000),
  });
  const [clinic] = await conn.db.select({ id: clinics.id }).from(clinics).limit(1);
  clinicId = clinic!.id;
  await conn.end();

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  context = await browser.newContext();
  await context.addCookies([{ name: "authjs.session-token", value: token, url: app.baseURL }]);
  await context.exposeFunction("__reportViolation", (v: string) => violations.push(v));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __reportViolation(v: string): void }).__reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
});

afterAll(async () => {
  await browser?.close();
  await stopAll();
});

/** The text of the page's alerts (the import form's answer). */
const alertText = async (page: Page) => (await page.getByRole("alert").allTextContents()).join(" ");

/** Lines of the server's log that are errors: a thrown error Next.js caught, or one nobody caught. */
const errorLines = (from = 0) =>
  app.serverLog
    .slice(from)
    .join("")
    .split("\n")
    .filter((l) => /⨯|Error:|uncaught|unhandled|\[auth\]\[error\]/i.test(l));

it("over plain http: no upgrade-insecure-requests and no HSTS, also with a forged X-Forwarded-Proto", async () => {
  for (const headers of [{}, { "X-Forwarded-Proto": "https" }] as Record<string, string>[]) {
    const res = await fetch(`${app.baseURL}/`, { headers });
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(res.headers.get("strict-transport-security")).toBeNull();
  }
  // The page's own styles and scripts load over http: the page is styled.
  const page = await context.newPage();
  await page.goto(`${app.baseURL}/`);
  const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(font).toMatch(/publicSans/i); // the site's font: its stylesheet loaded
  await page.close();
});

it("a body over the limit gets 413 and a broken one 400, never 500", async () => {
  const big = new Uint8Array(22 * 1024 * 1024);
  for (const path of ["/", "/api/clinics", "/admin/import"]) {
    const res = await fetch(`${app.baseURL}${path}`, { method: "POST", body: big });
    expect(res.status, path).toBe(413);
  }
  const broken = await fetch(`${app.baseURL}/admin/import`, {
    method: "POST",
    headers: { "Next-Action": "0".repeat(42), "Content-Type": "multipart/form-data; boundary=x" },
    body: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nno end',
  });
  expect(broken.status).toBeGreaterThanOrEqual(400);
  expect(broken.status).toBeLessThan(500);
});

it("CSV import: a 12 MB file is read (not cut off at 10 MB), invalid UTF-8 is named by line, a 21 MB file is refused with its size", async () => {
  const page = await context.newPage();
  await page.goto(`${app.baseURL}/admin/import`);
  const header = "name,city,state,description\n";
  const latin1 = Buffer.from("Café Calm,Reno,NV,Caf\xe9 au lait\n", "latin1");
  const filler = Buffer.from("Filler Clinic,Reno,NV,Plain text\n".repeat(400_000)); // ~13 MB
  // Files on disk: the browser reads them itself (a 13 MB buffer over the protocol is slow).
  const dir = mkdtempSync(path.join(os.tmpdir(), "atlas-upload-"));
  const latin1File = path.join(dir, "latin1.csv");
  writeFileSync(latin1File, Buffer.concat([Buffer.from(header), latin1, filler]));
  const bigFile = path.join(dir, "big.csv");
  writeFileSync(bigFile, Buffer.alloc(21 * 1024 * 1024, "a"));
  try {
    await page.getByLabel(/CSV file/).setInputFiles(latin1File);
    await page.getByRole("button", { name: "Check and import" }).click();
    await expect.poll(() => alertText(page), { timeout: 90_000 }).toContain("the file is not UTF-8 text");
    expect(await page.getByTestId("import-issues").textContent()).toContain("Line 2 is not UTF-8 text");

    await page.getByLabel(/CSV file/).setInputFiles(bigFile);
    await page.getByRole("button", { name: "Check and import" }).click();
    await expect
      .poll(() => alertText(page))
      .toContain("The file is 21.0 MB; the limit is 20 MB. Nothing was imported.");
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await page.close();
  }
});

it("PostgreSQL stopped while editing: Save says so in place and keeps the typing; after the restart Save works", async () => {
  const logFrom = app.serverLog.length;
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(`${app.baseURL}/dashboard/listings/${clinicId}`);
  // Typing before the editor hydrated can be undone by hydration on a loaded machine.
  await page.waitForLoadState("networkidle");
  const description = page.getByLabel("About the clinic");
  const typed = `Typed while the database was down ${Date.now()}`;
  await description.fill(typed);

  // A signed-out visitor who opened the sign-in page before the outage.
  const visitor = await browser.newContext();
  const signin = await visitor.newPage();
  signin.on("pageerror", (e) => pageErrors.push(e.message));
  await signin.goto(`${app.baseURL}/signin`);

  await app.stopPostgres();
  await page.getByRole("button", { name: "Save changes" }).click();
  const status = () => page.locator("#editor-status").textContent();
  await expect
    .poll(status, { timeout: 20_000 })
    .toContain("The database is not answering, so nothing was saved");
  expect(await status()).toContain("Your changes are still here");
  expect(await description.inputValue()).toBe(typed);
  // Polled: the answer can show a moment before the button's pending state ends (one CI run read it then).
  await expect
    .poll(() => page.getByRole("button", { name: "Save changes" }).isVisible(), { timeout: 5_000 })
    .toBe(true);

  // Asking for a sign-in link meanwhile is answered in the form, which keeps the address.
  await signin.getByLabel("Your email address").fill("someone@fault.test");
  await signin.getByRole("button", { name: "Email me a sign-in link" }).click();
  const refused = signin.getByRole("alert").filter({ hasText: "database is not answering" });
  await expect.poll(() => refused.count(), { timeout: 20_000 }).toBe(1);
  expect(await signin.getByLabel("Your email address").inputValue()).toBe("someone@fault.test");
  await visitor.close();

  await app.startPostgres();
  await expect
    .poll(async () => (await fetch(`${app.baseURL}/api/health`)).status, { timeout: 20_000 })
    .toBe(200);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect.poll(status, { timeout: 20_000 }).toContain("Saved 1 change");
  expect(await description.inputValue()).toBe(typed);
  await page.reload();
  expect(await page.getByLabel("About the clinic").inputValue()).toBe(typed);

  expect(pageErrors).toEqual([]);
  // The editor's schema runs in the page without tripping the CSP (zod's eval probe).
  expect(violations).toEqual([]);
  expect(errorLines(logFrom), app.serverLog.slice(logFrom).join("")).toEqual([]);
  expect(app.server.exitCode).toBeNull();
});
