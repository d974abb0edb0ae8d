/**
 * Whether a request's Cookie header holds an Auth.js session cookie (`authjs.session-token`, with the
 * `__Secure-`/`__Host-` prefix of https, or one of its chunks `….0`). Without one there is no session:
 * the page cache may answer the request (lib/page-cache.ts), and `currentActor` need not ask Auth.js.
 * A pure module of its own, free of Auth.js. A client that sends the cookie gets the full check.
 */
export function hasSessionCookie(cookieHeader: string | null): boolean {
  return /(^|;\s*)(__Secure-|__Host-)?authjs\.session-token/.test(cookieHeader ?? "");
}
