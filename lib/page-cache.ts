/**
 * A few seconds' cache of whole public pages for signed-out visitors (a "microcache"), kept in the
 * server process and used by `proxy.ts`. Rendering a search page costs 25–40 ms of the one main
 * thread; answering from here costs a few milliseconds (276 against 36 req/s at 10 connections).
 *
 * Every page carries its own CSP nonce, so a cached page is stored with the nonce it was rendered
 * with, and each response gets a fresh nonce swapped in (the old one is random, was never known
 * before the page was rendered, and appears nowhere else, so replacing every occurrence is exact).
 *
 * Asked for: plain GETs of the public pages (`CACHEABLE_PATHS`) from visitors without a session
 * cookie; not client-side navigations (RSC) or requests that say `Cache-Control: no-cache` (a hard
 * reload). Kept: 200 HTML answers with no Set-Cookie and without the opt-out marker
 * `data-page-cache="off"` (the "reduced search" notice carries it, so a page answered from the
 * fallback is never kept); other answers are sent on once, not rendered again. Entries live
 * `PAGE_CACHE_TTL_MS`; every listing write and every batch the search sync pushes clears the cache
 * of every server process at once (their notices, `lib/cache.ts`), and a render that began before a
 * clear is not stored.
 */
import { hasSessionCookie } from "@/lib/auth/session-cookie";

export const PAGE_CACHE_TTL_MS = 10_000;
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_PAGE_BYTES = 1024 * 1024;

/** The pages that look the same to every signed-out visitor. */
const CACHEABLE_PATHS = [/^\/$/, /^\/clinics$/, /^\/clinics\/[^/]+$/, /^\/compare$/, /^\/costs(\/[^/]+){0,2}$/, /^\/guide$/, /^\/methodology$/, /^\/for-clinics$/]; // prettier-ignore

/** Set on the proxy's own request for a page to render it (a per-process secret, so nobody else can). */
const RENDER_HEADER = "x-atlas-page-render";
/** Says whether a page came from the cache: hit, miss (rendered now and kept) or pass (rendered now, not kept). */
export const CACHE_STATUS_HEADER = "x-atlas-page-cache";
export const OPT_OUT_MARKER = 'data-page-cache="off"';

export type CachedPage = {
  status: number;
  headers: [string, string][];
  body: string;
  /** The nonce the page was rendered with. */
  nonce: string;
};

type Entry = { at: number; page: CachedPage; bytes: number };

class PageCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;
  /** Bumped by every clear: a render that began before it is not stored. */
  generation = 0;
  private readonly secret = crypto.randomUUID();
  private readonly inflight = new Map<string, Promise<CachedPage | undefined>>();

  /** Whether a request is this process's own render for the cache (it must be rendered, not answered). */
  isOwnRender(headers: Headers): boolean {
    return headers.get(RENDER_HEADER) === this.secret;
  }

  /**
   * Renders a page once by asking this server (`origin`) for it, with the per-process secret so the
   * request goes through rendering, and keeps it if it is worth keeping. Concurrent misses for one
   * page share the render. A page not kept (a 404, the fallback's notice) is still answered from this
   * render, so it is not rendered twice. Undefined when the answer cannot be sent on (see
   * `replayablePage`).
   */
  render(key: string, url: URL, origin: string): Promise<CachedPage | undefined> {
    const generation = this.generation;
    // A render that began before a clear answers only the requests that came before it.
    const flight = `${generation} ${key}`;
    const running = this.inflight.get(flight);
    if (running) return running;
    const render = (async () => {
      try {
        const res = await fetch(new URL(url.pathname + url.search, origin), {
          headers: { [RENDER_HEADER]: this.secret, "accept-encoding": "identity" },
          redirect: "manual",
          signal: AbortSignal.timeout(15_000),
        });
        const page = await replayablePage(res);
        if (page && worthKeeping(page)) this.set(key, page, generation);
        return page;
      } catch (err) {
        console.warn(
          `[page-cache] could not render ${url.pathname} for the cache: ${(err as Error).message}`,
        );
        return undefined;
      } finally {
        this.inflight.delete(flight);
      }
    })();
    this.inflight.set(flight, render);
    return render;
  }

  get(key: string, now = Date.now()): CachedPage | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (now - e.at > PAGE_CACHE_TTL_MS) {
      this.delete(key);
      return undefined;
    }
    return e.page;
  }

  set(key: string, page: CachedPage, generation: number): void {
    if (generation !== this.generation) return;
    const bytes = page.body.length; // HTML is almost all ASCII: a character is about a byte
    this.delete(key);
    this.entries.set(key, { at: Date.now(), page, bytes });
    this.bytes += bytes;
    for (const k of this.entries.keys()) {
      if (this.bytes <= MAX_BYTES) break;
      this.delete(k); // oldest first
    }
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.bytes -= e.bytes;
    this.entries.delete(key);
  }
}

const g = globalThis as unknown as { __atlasPageCache?: PageCache };

/** The process's page cache (one per process: the proxy, pages and the sync loop share it). */
export function pageCache(): PageCache {
  return (g.__atlasPageCache ??= new PageCache());
}

/** Drops every cached page of this process (on a listing write or a search sync push by any process). */
export function clearPageCache(): void {
  g.__atlasPageCache?.clear();
}

/** Whether a request may be answered from (and fill) the cache. */
export function cacheableRequest(method: string, url: URL, headers: Headers): boolean {
  if (method !== "GET") return false;
  if (!CACHEABLE_PATHS.some((p) => p.test(url.pathname))) return false;
  // Client-side navigations fetch RSC payloads, not documents (next.config.mjs keeps these visible).
  if (url.searchParams.has("_rsc") || headers.has("rsc") || headers.has("next-router-prefetch")) return false;
  const dest = headers.get("sec-fetch-dest");
  if (dest && dest !== "document") return false;
  if (headers.has("next-action") || headers.has("authorization")) return false;
  // A hard reload (and the benchmark's uncached runs) asks for a fresh page.
  if (/no-cache/i.test(`${headers.get("cache-control") ?? ""} ${headers.get("pragma") ?? ""}`)) return false;
  return !hasSessionCookie(headers.get("cookie"));
}

/** The cache key: path and query exactly as asked (the render asks `origin`, whatever the Host). */
export const cacheKey = (url: URL) => `${url.pathname}${url.search}`;

/** The nonce a Content-Security-Policy header allows scripts with. */
export function nonceOf(csp: string | null): string | undefined {
  return csp?.match(/'nonce-([A-Za-z0-9+/=_-]{16,})'/)?.[1];
}

/** The page's body with its nonce replaced by a fresh one. */
export function withNonce(page: CachedPage, nonce: string): string {
  return page.body.split(page.nonce).join(nonce);
}

/** Headers of a rendered page that must not be replayed. */
const DROP = new Set(["content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive", "date", "set-cookie", "content-security-policy"]); // prettier-ignore

/**
 * A rendered answer that can be sent on with another nonce (an HTML page with a nonce, no cookie,
 * not a redirect), or undefined. Whether it may also be kept is `worthKeeping`.
 */
export async function replayablePage(res: Response): Promise<CachedPage | undefined> {
  const nonce = nonceOf(res.headers.get("content-security-policy"));
  if (!nonce || res.headers.has("set-cookie") || (res.status >= 300 && res.status < 400)) return undefined;
  if (!(res.headers.get("content-type") ?? "").startsWith("text/html")) return undefined;
  const headers = [...res.headers].filter(([k]) => !DROP.has(k.toLowerCase()));
  return { status: res.status, headers, body: await res.text(), nonce };
}

/** Only successful pages without the opt-out marker (the "reduced search" notice) are kept. */
export function worthKeeping(page: CachedPage): boolean {
  return page.status === 200 && !page.body.includes(OPT_OUT_MARKER) && page.body.length <= MAX_PAGE_BYTES;
}
