import { NextResponse, type NextRequest } from "next/server";
import { COMPARE_PATH, parseCompareStates } from "@/lib/costs/compare";
import { databaseAvailable } from "@/lib/db-status";
import { serverEnv } from "@/lib/env";
import {
  contentSecurityPolicy,
  HSTS,
  NONCE_HEADER,
  PATH_HEADER,
  servedOverHttps,
} from "@/lib/security/headers";
import { MAX_REQUEST_BYTES } from "@/lib/security/limits";
import { UNAVAILABLE_HTML } from "@/lib/security/unavailable";
import { EARLY_SEARCH_HEADER, startEarlySearch } from "@/lib/search/early";
import { SEARCH_PATH } from "@/lib/search/constants";
import {
  cacheableRequest,
  cacheKey,
  CACHE_STATUS_HEADER,
  pageCache,
  withNonce,
  worthKeeping,
} from "@/lib/page-cache";

/**
 * Runs before every page and API route (Node.js runtime, in the server process):
 * 1. gives every page a Content-Security-Policy with a fresh nonce (and HSTS when served over https),
 *    refuses (400) a path whose %-encoding is broken and (413) a body over the limit;
 * 2. while PostgreSQL does not answer, answers a friendly 503 at once instead of letting pages fail
 *    (`/api/health` still answers, with the detail). A server action is let through: the React
 *    client can only read the action's own answer, so the action says the database is not answering
 *    and the form keeps what was typed (app/dashboard/actions.ts);
 * 3. answers signed-out visitors' public pages from a few seconds' page cache, with a fresh nonce
 *    (`lib/page-cache.ts`), when the launcher said where this server listens (`ATLAS_INTERNAL_ORIGIN`);
 * 4. starts the search of a /clinics page it passes on to be rendered, so the search engine works
 *    while Next.js starts the render (`lib/search/early.ts`).
 * Authorization is NOT done here: pages, actions and route handlers check who is asking themselves.
 */
export async function proxy(request: NextRequest) {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const nonce = btoa(String.fromCharCode(...bytes));
  const env = serverEnv();
  const https = servedOverHttps(env.SITE_URL, env.TRUST_PROXY_HOPS, request.headers.get("x-forwarded-proto"));
  const dev = process.env.NODE_ENV === "development";
  const csp = contentSecurityPolicy(nonce, { dev, https });
  const transport: Record<string, string> = https && !dev ? { "Strict-Transport-Security": HSTS } : {};
  const path = request.nextUrl.pathname;
  const plain = (status: number, text: string) =>
    new NextResponse(text, {
      status,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Security-Policy": csp, ...transport },
    });

  // A path with broken percent-encoding can't name anything here; Next.js would answer 500.
  try {
    decodeURIComponent(path);
  } catch {
    return plain(400, "Bad request: the address has broken %-encoding.");
  }
  // Next.js would cut a bigger body off at the limit and the route would fail on what is left.
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_REQUEST_BYTES) {
    return plain(413, `Too large: a request may carry at most ${MAX_REQUEST_BYTES / 1024 / 1024} MB.`);
  }

  const serverAction = request.method === "POST" && request.headers.has("next-action");
  if (path !== "/api/health" && !serverAction && !(await databaseAvailable())) {
    const headers = {
      "Retry-After": "15",
      "Cache-Control": "no-store",
      "Content-Security-Policy": csp,
      ...transport,
    };
    if (path.startsWith("/api/")) {
      return NextResponse.json(
        { error: { code: "unavailable", message: "The database is not answering. Try again shortly." } },
        { status: 503, headers },
      );
    }
    return new NextResponse(UNAVAILABLE_HTML, {
      status: 503,
      headers: { ...headers, "Content-Type": "text/html; charset=utf-8" },
    });
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set(PATH_HEADER, request.nextUrl.pathname);
  requestHeaders.delete(EARLY_SEARCH_HEADER); // only this proxy names a search it started

  // A comparison of unknown states (404) or of too few or many (400): the page explains, with that status.
  if (path === COMPARE_PATH) {
    const parsed = parseCompareStates(request.nextUrl.searchParams.getAll("states"));
    if (!parsed.ok) {
      // Rewrite to this same page on the origin Next.js calls its own (scripts/web-server.mjs), so the
      // page renders here with the status set; any other origin would be proxied as an external URL.
      const self = new URL(
        path + request.nextUrl.search,
        process.env.ATLAS_NEXT_ORIGIN ?? request.nextUrl.origin,
      );
      const response = NextResponse.rewrite(self, {
        status: parsed.status,
        request: { headers: requestHeaders },
      });
      response.headers.set("Content-Security-Policy", csp);
      response.headers.set("Cache-Control", "no-store");
      return response;
    }
  }

  const origin = process.env.ATLAS_INTERNAL_ORIGIN;
  const cache = pageCache();
  if (
    origin &&
    !cache.isOwnRender(request.headers) &&
    cacheableRequest(request.method, request.nextUrl, request.headers)
  ) {
    const key = cacheKey(request.nextUrl);
    const hit = cache.get(key);
    const page = hit ?? (await cache.render(key, request.nextUrl, origin));
    if (page) {
      const headers = new Headers(page.headers);
      headers.set("Content-Security-Policy", csp);
      for (const [k, v] of Object.entries(transport)) headers.set(k, v);
      headers.set(CACHE_STATUS_HEADER, hit ? "hit" : worthKeeping(page) ? "miss" : "pass");
      return new NextResponse(withNonce(page, nonce), { status: page.status, headers });
    }
    // Not renderable for the cache (a redirect, a cookie, the server did not answer): render as usual.
  }

  // The search page is rendered next: its search starts now (a prefetch may not render the page).
  if (path === SEARCH_PATH && request.method === "GET" && !request.headers.has("next-router-prefetch")) {
    const key = startEarlySearch(request.nextUrl.searchParams);
    if (key) requestHeaders.set(EARLY_SEARCH_HEADER, key);
  }

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(transport)) response.headers.set(k, v);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
