import { describe, expect, it } from "vitest";
import { hasSessionCookie } from "./session-cookie";

describe("hasSessionCookie", () => {
  it("finds Auth.js's session cookie, with the https prefixes and as chunks", () => {
    expect(hasSessionCookie("authjs.session-token=abc")).toBe(true);
    expect(hasSessionCookie("theme=dark; __Secure-authjs.session-token=abc")).toBe(true);
    expect(hasSessionCookie("__Host-authjs.session-token=abc")).toBe(true);
    expect(hasSessionCookie("a=1;authjs.session-token.0=abc")).toBe(true);
  });

  it("finds none without it", () => {
    expect(hasSessionCookie(null)).toBe(false);
    expect(hasSessionCookie("")).toBe(false);
    expect(hasSessionCookie("authjs.csrf-token=abc; authjs.callback-url=%2F")).toBe(false);
    expect(hasSessionCookie("theme=session-token-ish; xauthjs.session-token=1")).toBe(false);
  });
});
