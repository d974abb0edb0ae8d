import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import {
  cacheableRequest,
  cacheKey,
  clearPageCache,
  nonceOf,
  OPT_OUT_MARKER,
  pageCache,
  PAGE_CACHE_TTL_MS,
  replayablePage,
  withNonce,
  worthKeeping,
  type CachedPage,
} from "./page-cache";

/** What the proxy keeps of a rendered answer. */
async function toCachedPage(res: Response): Promise<CachedPage | undefined> {
  const page = await replayablePage(res);
  return page && worthKeeping(page) ? page : undefined;
}

const url = (s: string) => new URL(s, "http://localhost:3000");
const h = (init: Record<string, string> = {}) => new Headers(init);
const NONCE = "AbCdEfGhIjKlMnOpQrStUv==";
const CSP = `default-src 'self'; script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'`;

const html = (body: string, headers: Record<string, string> = {}, status = 200) =>
  new Response(body, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": CSP, ...headers },
  });

describe("which requests the page cache may answer", () => {
  it("takes signed-out GETs of public pages", () => {
    for (const p of [
      "/",
      "/clinics?state=CA",
      "/clinics/some-slug",
      "/compare?ids=a,b",
      "/costs",
      "/costs/ca",
      "/costs/ca/fresno",
      "/guide",
    ])
      expect(cacheableRequest("GET", url(p), h())).toBe(true);
  });

  it("never takes signed-in visitors, client navigations, other methods or private pages", () => {
    const clinics = url("/clinics");
    expect(cacheableRequest("GET", clinics, h({ cookie: "a=1; authjs.session-token=xyz" }))).toBe(false);
    expect(cacheableRequest("GET", clinics, h({ cookie: "__Secure-authjs.session-token=xyz" }))).toBe(false);
    expect(cacheableRequest("GET", clinics, h({ rsc: "1" }))).toBe(false);
    expect(cacheableRequest("GET", clinics, h({ "sec-fetch-dest": "empty" }))).toBe(false);
    expect(cacheableRequest("GET", clinics, h({ "sec-fetch-dest": "document" }))).toBe(true);
    expect(cacheableRequest("GET", url("/clinics?_rsc=abc"), h())).toBe(false);
    expect(cacheableRequest("POST", clinics, h())).toBe(false);
    expect(cacheableRequest("GET", clinics, h({ "next-action": "x" }))).toBe(false);
    expect(cacheableRequest("GET", clinics, h({ "cache-control": "no-cache" }))).toBe(false);
    expect(cacheableRequest("GET", clinics, h({ pragma: "no-cache" }))).toBe(false);
    for (const p of [
      "/dashboard",
      "/admin",
      "/signin",
      "/api/clinics",
      "/for-clinics/claim",
      "/dev/mail",
      "/clinics/a/b",
    ])
      expect(cacheableRequest("GET", url(p), h())).toBe(false);
    // A cookie that merely mentions sessions elsewhere does not count as signed in.
    expect(cacheableRequest("GET", clinics, h({ cookie: "theme=session-token-ish" }))).toBe(true);
  });
});

describe("cached pages", () => {
  it("reads the nonce from the policy and swaps every occurrence for a fresh one", async () => {
    expect(nonceOf(CSP)).toBe(NONCE);
    expect(nonceOf("default-src 'self'")).toBeUndefined();
    const page = await toCachedPage(
      html(`<script nonce="${NONCE}">a</script><script nonce="${NONCE}">b</script>`, {
        "set-cookie2": "x",
        "x-extra": "1",
      }),
    );
    expect(page).toBeDefined();
    const body = withNonce(page!, "FRESHfreshFRESHfresh12==");
    expect(body).not.toContain(NONCE);
    expect(body.match(/FRESHfreshFRESHfresh12==/g)).toHaveLength(2);
    // Replayed headers: never the policy (each answer gets its own) or cookies.
    const names = page!.headers.map(([k]) => k);
    expect(names).toContain("x-extra");
    expect(names).not.toContain("content-security-policy");
  });

  it("keeps only plain successful HTML pages without cookies or the opt-out marker", async () => {
    expect(await toCachedPage(html("<p>ok</p>", {}, 404))).toBeUndefined();
    expect(await toCachedPage(html("<p>ok</p>", { "set-cookie": "a=1" }))).toBeUndefined();
    expect(await toCachedPage(html(`<div ${OPT_OUT_MARKER}>reduced search</div>`))).toBeUndefined();
    expect(await toCachedPage(html("{}", { "content-type": "application/json" }))).toBeUndefined();
    expect(
      await toCachedPage(new Response("<p>no policy</p>", { headers: { "content-type": "text/html" } })),
    ).toBeUndefined();
    expect(await toCachedPage(html("<p>ok</p>"))).toBeDefined();
  });

  it("forgets pages after the TTL and on clear, and never stores a render that began before a clear", () => {
    const cache = pageCache();
    clearPageCache();
    const page = { status: 200, headers: [], body: "x", nonce: NONCE };
    cache.set("a", page, cache.generation);
    expect(cache.get("a")).toBe(page);
    expect(cache.get("a", Date.now() + PAGE_CACHE_TTL_MS + 1)).toBeUndefined();
    cache.set("a", page, cache.generation);
    const before = cache.generation;
    clearPageCache();
    expect(cache.get("a")).toBeUndefined();
    cache.set("b", page, before); // began before the clear: stale
    expect(cache.get("b")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("keys pages by path and query only, whatever Host the visitor sent", () => {
    expect(cacheKey(url("/clinics?state=CA"))).toBe("/clinics?state=CA");
    expect(cacheKey(new URL("http://evil.example/clinics?state=CA"))).toBe(
      cacheKey(url("/clinics?state=CA")),
    );
  });

  it("shares a render between concurrent misses, but not across a clear", async () => {
    // A real server standing in for this app: each render answers with its number, slowly.
    let renders = 0;
    const server = createServer((_req, res) => {
      const n = ++renders;
      setTimeout(() => {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": CSP });
        res.end(`<p>render ${n}</p>`);
      }, 100);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const cache = pageCache();
      clearPageCache();
      const [a, b] = [cache.render("/x", url("/x"), origin), cache.render("/x", url("/x"), origin)];
      clearPageCache(); // a listing changed while the first render was running
      const c = cache.render("/x", url("/x"), origin);
      expect((await a)?.body).toBe("<p>render 1</p>");
      expect((await b)?.body).toBe("<p>render 1</p>");
      expect((await c)?.body).toBe("<p>render 2</p>");
      expect(cache.get("/x")?.body).toBe("<p>render 2</p>"); // the stale render was not kept
      expect(renders).toBe(2);
    } finally {
      clearPageCache();
      server.close();
    }
  });
});
