/**
 * The page Content-Security-Policy. (The headers every response gets are set in next.config.mjs.) The Content-Security-Policy carries a fresh nonce per request
 * (set by proxy.ts); Next.js reads it from the request's CSP header and puts it on its own scripts.
 * `upgrade-insecure-requests` only when the page is served over https: on a plain-http address (a
 * LAN IP, a local start) it would send every script and stylesheet to an https port nobody serves.
 */
export function contentSecurityPolicy(nonce: string, { dev = false, https = false } = {}): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a nonce-bearing script are trusted; nothing inline without the nonce.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React style attributes need inline styles; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https && !dev ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * The request header through which `proxy.ts` tells server components the path being rendered (a
 * not-found page gets no params). Always set by the proxy, so a client cannot supply its own.
 */
export const PATH_HEADER = "x-atlas-path";

/** The request header through which `proxy.ts` gives server components the page's CSP nonce. */
export const NONCE_HEADER = "x-nonce";

/** Strict-Transport-Security, sent on pages served over https only (browsers ignore it over http). */
export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Is this request served over https? When the configured public address (SITE_URL) is https, yes.
 * Otherwise only a proxy we were told to trust (`trustProxyHops` > 0) can say so, in
 * X-Forwarded-Proto: the entry the outermost trusted proxy wrote (a client's own entries come
 * before it). With no trusted proxy the header is ignored: a client can write it.
 */
export function servedOverHttps(
  siteUrl: string,
  trustProxyHops: number,
  forwardedProto: string | null,
): boolean {
  if (siteUrl.startsWith("https:")) return true;
  if (trustProxyHops <= 0 || !forwardedProto) return false;
  const entries = forwardedProto.split(",").map((s) => s.trim().toLowerCase());
  return entries[Math.max(0, entries.length - trustProxyHops)] === "https";
}
