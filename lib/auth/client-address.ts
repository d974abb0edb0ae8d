import { isIP } from "node:net";
import type { Env } from "@/lib/config-fields";

/**
 * Who is asking, from facts a client cannot write. Pure: safe anywhere (the launcher, tests).
 *
 * Next.js does not hand the app the TCP socket, and it fills `X-Forwarded-For` from a request's own
 * header when there is one. So the web server in front of Next.js (`scripts/web-server.mjs`) copies
 * each connection's peer address into `PEER_HEADER`, always overwriting whatever the client sent, and
 * announces that it does so by setting `process.env[PEER_ENV]` to the header's name in its own
 * process. Without that announcement (say, a bare `next start`) the header is never believed: the
 * peer is unknown, which refuses /dev/mail and puts every client in one rate-limit bucket.
 */
export const PEER_HEADER = "x-atlas-peer";
export const PEER_ENV = "ATLAS_PEER_HEADER";

/** The connection's peer address as the web server saw it, or null when it cannot be known. */
function peerAddress(headers: Headers, env: Env = process.env): string | null {
  if (env[PEER_ENV] !== PEER_HEADER) return null;
  return normalizeAddress(headers.get(PEER_HEADER));
}

/** An IP address in one canonical spelling ("::ffff:10.0.0.1" → "10.0.0.1"), or null if it is none. */
function normalizeAddress(raw: string | null | undefined): string | null {
  let a = raw?.trim() ?? "";
  if (a.startsWith("[") && a.endsWith("]")) a = a.slice(1, -1);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) a = mapped[1]!;
  const kind = isIP(a);
  if (kind === 4) return a;
  if (kind === 6) return a.toLowerCase();
  return null;
}

function isLoopback(address: string | null): boolean {
  if (!address) return false;
  return /^127\./.test(address) || address === "::1";
}

/**
 * The client's address for per-address limits: the socket's peer when no proxy is trusted
 * (`hops` = 0, the default), else the entry the outermost trusted proxy added to `X-Forwarded-For`
 * (each proxy appends the address it was reached from, so that is the `hops`-th entry from the end;
 * anything to its left was written by the client). Null when that cannot be known: no announced
 * peer, or fewer `X-Forwarded-For` entries than trusted proxies, or that entry is not an IP address.
 */
export function clientAddress(headers: Headers, hops: number, env: Env = process.env): string | null {
  const peer = peerAddress(headers, env);
  if (!peer) return null;
  if (hops === 0) return peer;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (chain.length < hops) return null;
  return normalizeAddress(chain[chain.length - hops]);
}

/**
 * Headers a proxy (or someone pretending to be one) adds. Next.js itself fills `X-Forwarded-For` with
 * the peer address and `X-Forwarded-Host` with the Host when a request has none, so those two count
 * only when they say something else.
 */
function forwarded(headers: Headers, peer: string): boolean {
  if (headers.has("forwarded") || headers.has("x-real-ip")) return true;
  const xff = headers.get("x-forwarded-for");
  if (xff !== null && normalizeAddress(xff) !== peer) return true;
  const xfh = headers.get("x-forwarded-host");
  return xfh !== null && xfh !== headers.get("host");
}

/**
 * True only for a request made on this machine straight to the web server: the socket's peer is a
 * loopback address and nothing claims the request came through a proxy (a reverse proxy on the same
 * machine connects from loopback too, on behalf of anyone).
 */
export function fromThisMachine(headers: Headers, env: Env = process.env): boolean {
  const peer = peerAddress(headers, env);
  return isLoopback(peer) && !forwarded(headers, peer!);
}
