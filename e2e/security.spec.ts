import { expect, test } from "@playwright/test";

test("pages carry a nonce-based CSP and the security headers", async ({ request }) => {
  const a = await request.get("/");
  const b = await request.get("/");
  const csp = a.headers()["content-security-policy"] ?? "";
  // Read as the browser does: directives by name, each a set of sources (order carries no meaning).
  const directives = new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), new Set(sources)]),
  );
  const scriptSrc = [...(directives.get("script-src") ?? [])];
  // Scripts run only with this response's nonce (or when a nonced script loads them): no host, no
  // scheme, no inline or eval escape hatch, whatever order the sources come in.
  expect(scriptSrc.filter((s) => !/^'nonce-[A-Za-z0-9+/=]+'$/.test(s)).sort()).toEqual([
    "'self'",
    "'strict-dynamic'",
  ]);
  expect(scriptSrc.filter((s) => s.startsWith("'nonce-"))).toHaveLength(1);
  expect(directives.get("frame-ancestors")).toEqual(new Set(["'none'"]));
  expect(directives.get("object-src")).toEqual(new Set(["'none'"]));
  expect(directives.get("base-uri")).toEqual(new Set(["'self'"]));
  expect(directives.get("default-src")).toEqual(new Set(["'self'"]));
  const nonce = (h: string) => /'nonce-([^']+)'/.exec(h)?.[1];
  expect(nonce(csp)).toBeTruthy();
  expect(nonce(b.headers()["content-security-policy"] ?? "")).not.toBe(nonce(csp));
  const h = a.headers();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  // The e2e site is served over plain http (SITE_URL http://localhost:…): no HSTS and no
  // upgrade-insecure-requests, which would break a site opened over http (issue 12, point 10).
  expect(h["strict-transport-security"]).toBeUndefined();
  expect(directives.has("upgrade-insecure-requests")).toBe(false);
  expect(h["x-powered-by"]).toBeUndefined();
});

test("every script on a page carries the nonce and nothing is blocked", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto("/");
  const nonce = /'nonce-([^']+)'/.exec(res?.headers()["content-security-policy"] ?? "")?.[1];
  const scripts = await page
    .locator("script:not([type='application/ld+json'])")
    .evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const n of scripts) expect(n).toBe(nonce);
  await page.goto("/clinics/does-not-exist");
  expect(violations).toEqual([]);
});

test("a signed-out page from the page cache gets a fresh nonce in its policy and its scripts", async ({
  request,
  page,
}) => {
  const path = `/clinics?state=CA&cachetest=${Date.now()}`; // an unknown parameter: its own cache entry
  const nonce = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
  const first = await request.get(path);
  const second = await request.get(path);
  expect(first.headers()["x-atlas-page-cache"]).toBe("miss");
  expect(second.headers()["x-atlas-page-cache"]).toBe("hit");
  const nonces = [];
  for (const res of [first, second]) {
    const n = nonce(res.headers()["content-security-policy"]);
    const inBody = [...(await res.text()).matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);
    expect(inBody.length).toBeGreaterThan(0);
    expect(new Set(inBody)).toEqual(new Set([n]));
    nonces.push(n);
  }
  expect(nonces[0]).not.toBe(nonces[1]);

  // The cached page runs: nothing blocked, and its client parts work (it hydrated).
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto(path);
  expect(res?.headers()["x-atlas-page-cache"]).toBe("hit");
  await page
    .getByRole("button", { name: /^Add to compare/ })
    .first()
    .click();
  await expect(page.getByRole("button", { name: /Remove from compare/ }).first()).toBeVisible();
  // A filter still applies as a client-side navigation (an RSC request the cache must not answer).
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.getByLabel("Included in the price").check();
  await expect(page).toHaveURL(/[?&]integration=included/);
  await expect(page.getByRole("link", { name: /Included in the price/ })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  expect(violations).toEqual([]);
});

test("a path with broken %-encoding is refused with 400, not a server error", async ({ request }) => {
  for (const path of ["/costs/%E0%A4%A", "/clinics/%E0%A4%A", "/%C0"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(400);
  }
});

test("every HTML answer carries a CSP, including 404s the proxy never sees (/favicon.ico…, /_next/…)", async ({
  request,
}) => {
  for (const path of [
    "/no-such-page",
    "/favicon.ico",
    "/favicon.icox",
    "/_next/nope",
    "/_next/static/nope.js",
  ]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    const csp = res.headers()["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    // No script may run unless it carries this response's nonce.
    const scripts =
      /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? /(?:^|;)\s*default-src ([^;]*)/.exec(csp)?.[1];
    expect(
      scripts
        ?.split(/\s+/)
        .filter((s) => s !== "'self'" && s !== "'strict-dynamic'" && !s.startsWith("'nonce-")),
      path,
    ).toEqual(scripts?.includes("'none'") ? ["'none'"] : []);
  }
});
