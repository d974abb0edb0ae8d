import { afterAll, beforeAll, expect, it } from "vitest";
import { startApp, timedGet, type App } from "./app";

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.close());

it("PostgreSQL stopped: pages answer a friendly 503 within 2 s, health says so, and service returns on its own", async () => {
  const home = await timedGet(`${app.baseURL}/`);
  expect(home.status).toBe(200);
  const slug = /href="\/clinics\/([a-z0-9-]+)"/.exec(home.body)?.[1];
  expect(slug).toBeTruthy();

  await app.stopPostgres();
  for (const path of ["/", `/clinics/${slug}`, "/", "/no-such-page"]) {
    const r = await timedGet(`${app.baseURL}${path}`);
    expect(r.status, path).toBe(503);
    expect(r.ms, path).toBeLessThan(2000);
    expect(r.body).toContain("We can’t show clinic listings right now");
    expect(r.body).toContain("988");
    expect(r.headers.get("retry-after")).toBeTruthy();
  }
  const health = await timedGet(`${app.baseURL}/api/health`);
  expect(health.status).toBe(503);
  expect(health.ms).toBeLessThan(3000);
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
