/**
 * The page Content-Security-Policy. (The headers every response gets are set in next.config.mjs.) The Content-Security-Policy carries a fresh nonce per request
 * (set by proxy.ts); Next.js reads it from the request's CSP header and puts it on its own scripts.
 */
export function contentSecurityPolicy(nonce: string, { dev = false } = {}): string {
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
    ...(dev ? [] : ["upgrade-insecure-requests"]),
  ].join("; ");
}

/**
 * The request header through which `proxy.ts` tells server components the path being rendered (a
 * not-found page gets no params). Always set by the proxy, so a client cannot supply its own.
 */
export const PATH_HEADER = "x-atlas-path";
