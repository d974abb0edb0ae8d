import { afterAll, beforeAll, expect, it } from "vitest";
import { startApp, stopAll, timedGet, type App } from "./app";

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(stopAll);

// How fast the 503 comes is logged, not asserted tightly: the bounds below are generous (a busy
// shared machine is slow) but far below what a request waiting on PostgreSQL would take (its
// connection attempts run for tens of seconds), so they still catch a page that hangs.
const HANG_MS = 15_000;

it("PostgreSQL stopped: pages answer a friendly 503 without waiting on the database, health says so, and service returns on its own", async () => {
  const home = await timedGet(`${app.baseURL}/`);
  expect(home.status).toBe(200);
  const slug = /href="\/clinics\/([a-z0-9-]+)"/.exec(home.body)?.[1];
  expect(slug).toBeTruthy();

  await app.stopPostgres();
  for (const path of ["/", `/clinics/${slug}`, "/", "/no-such-page"]) {
    const r = await timedGet(`${app.baseURL}${path}`);
    expect(r.status, path).toBe(503);
    console.log(`[faults] ${path} answered 503 in ${Math.round(r.ms)} ms with PostgreSQL stopped`);
    expect(r.ms, path).toBeLessThan(HANG_MS);
    expect(r.body).toContain("We can’t show clinic listings right now");
    expect(r.body).toContain("988");
    expect(r.headers.get("retry-after")).toBeTruthy();
  }
  const health = await timedGet(`${app.baseURL}/api/health`);
  expect(health.status).toBe(503);
  console.log(`[faults] /api/health answered 503 in ${Math.round(health.ms)} ms`);
  expect(health.ms).toBeLessThan(HANG_MS);
  const h = JSON.parse(health.body);
  expect(h.status).toBe("down");
  expect(h.database.ok).toBe(false);
  expect(h.search.ok).toBe(true);

  await app.startPostgres();
  const t0 = Date.now();
  let back = await timedGet(`${app.baseURL}/`);
  while (back.status !== 200 && Date.now() - t0 < 15_000) {
    await new Promise((r) => setTimeout(r, 250));
    back = await timedGet(`${app.baseURL}/`);
  }
  expect(back.status).toBe(200);
  expect((await timedGet(`${app.baseURL}/api/health`)).status).toBe(200);
  expect(app.server.exitCode).toBeNull(); // nothing crashed
});
