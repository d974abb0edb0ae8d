import { expect, test } from "@playwright/test";

test("pages carry a nonce-based CSP and the security headers", async ({ request }) => {
  const a = await request.get("/");
  const b = await request.get("/");
  const csp = a.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("'unsafe-inline' 'strict-dynamic'");
  const nonce = (h: string) => /'nonce-([^']+)'/.exec(h)?.[1];
  expect(nonce(csp)).toBeTruthy();
  expect(nonce(b.headers()["content-security-policy"] ?? "")).not.toBe(nonce(csp));
  const h = a.headers();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
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

test("a path with broken %-encoding is refused with 400, not a server error", async ({ request }) => {
  for (const path of ["/costs/%E0%A4%A", "/clinics/%E0%A4%A", "/%C0"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(400);
  }
});
