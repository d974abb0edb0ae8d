import { describe, expect, it } from "vitest";
import { devMailDir } from "@/lib/mail/dev";
import { clientAddress, fromThisMachine, PEER_ENV, PEER_HEADER } from "./client-address";

/** The environment of the web server (scripts/web-server.mjs), which sets PEER_HEADER from the socket. */
const served = { [PEER_ENV]: PEER_HEADER };
/** Request headers as the app sees them: what the client sent plus the peer the web server wrote. */
const req = (peer: string | null, extra: Record<string, string> = {}) =>
  new Headers({ host: "localhost:3000", ...extra, ...(peer === null ? {} : { [PEER_HEADER]: peer }) });

describe("the /dev/mail gate (fromThisMachine)", () => {
  it("admits a request from loopback straight to the server", () => {
    expect(fromThisMachine(req("127.0.0.1"), served)).toBe(true);
    expect(fromThisMachine(req("::1"), served)).toBe(true);
    expect(fromThisMachine(req("::ffff:127.0.0.1"), served)).toBe(true);
    // What Next.js itself fills in when the client sent no forwarding headers.
    const filled = { "x-forwarded-for": "127.0.0.1", "x-forwarded-host": "localhost:3000" };
    expect(fromThisMachine(req("127.0.0.1", { ...filled, "x-forwarded-proto": "http" }), served)).toBe(true);
  });

  it("refuses a peer that is not loopback, whatever the headers say", () => {
    for (const peer of ["192.168.1.20", "10.0.0.7", "::ffff:192.168.1.20", "fe80::1", "2001:db8::1"]) {
      expect(fromThisMachine(req(peer), served), peer).toBe(false);
      const claims = { "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1", host: "127.0.0.1:3000" };
      expect(fromThisMachine(req(peer, claims), served), peer).toBe(false);
    }
  });

  it("refuses a loopback peer carrying forwarding headers (a proxy on this machine, or a forgery)", () => {
    for (const extra of <Record<string, string>[]>[
      { "x-forwarded-for": "203.0.113.9" },
      { "x-forwarded-for": "127.0.0.1, 203.0.113.9" },
      { "x-forwarded-host": "evil.example" },
      { "x-real-ip": "127.0.0.1" },
      { forwarded: "for=127.0.0.1" },
    ]) {
      expect(fromThisMachine(req("127.0.0.1", extra), served), JSON.stringify(extra)).toBe(false);
    }
  });

  it("refuses when the peer is unknown: no header, not an address, or no web server vouching for it", () => {
    expect(fromThisMachine(req(null), served)).toBe(false);
    expect(fromThisMachine(req("localhost"), served)).toBe(false);
    expect(fromThisMachine(req("127.0.0.1, 10.0.0.1"), served)).toBe(false);
    // A bare `next start`: the header is whatever the client wrote.
    expect(fromThisMachine(req("127.0.0.1"), {})).toBe(false);
  });

  it("is what /dev/mail uses, and only while the local sink is in use", () => {
    const env = process.env;
    try {
      process.env = {
        ...env,
        ...served,
        DATABASE_URL: "postgres://x/y",
        MEILI_HOST: "http://127.0.0.1:7700",
      };
      process.env.MEILI_MASTER_KEY = "0123456789abcdef";
      process.env.MAIL_SINK_DIR = "/tmp/mail";
      expect(devMailDir(req("127.0.0.1"))).toBe("/tmp/mail");
      expect(devMailDir(req("192.168.1.20"))).toBeNull();
      expect(devMailDir(req("127.0.0.1", { "x-forwarded-for": "203.0.113.9" }))).toBeNull();
    } finally {
      process.env = env;
    }
  });
});

describe("the client address used by rate limits (clientAddress)", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(req("192.168.1.20", { "x-forwarded-for": "203.0.113.9" }), 0, served)).toBe(
      "192.168.1.20",
    );
    expect(clientAddress(req("::FFFF:10.0.0.1"), 0, served)).toBe("10.0.0.1");
  });

  it("with trusted proxies, is the entry the outermost one added; what the client wrote is ignored", () => {
    const h = req("10.0.0.2", { "x-forwarded-for": "1.1.1.1, 2.2.2.2, 198.51.100.7" });
    expect(clientAddress(h, 1, served)).toBe("198.51.100.7");
    expect(clientAddress(h, 2, served)).toBe("2.2.2.2");
  });

  it("refuses (null) what it cannot know", () => {
    expect(clientAddress(req(null), 0, served)).toBeNull();
    expect(clientAddress(req("127.0.0.1"), 0, {})).toBeNull();
    expect(clientAddress(req("not-an-ip"), 0, served)).toBeNull();
    expect(clientAddress(req("10.0.0.2", { "x-forwarded-for": "198.51.100.7" }), 2, served)).toBeNull();
    expect(clientAddress(req("10.0.0.2"), 1, served)).toBeNull();
    expect(clientAddress(req("10.0.0.2", { "x-forwarded-for": "1.1.1.1, garbage" }), 1, served)).toBeNull();
  });
});
