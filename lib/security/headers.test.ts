import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, servedOverHttps } from "./headers";

describe("https-only headers", () => {
  it("asks browsers to upgrade requests only on a page served over https", () => {
    expect(contentSecurityPolicy("n")).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { https: true })).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { https: true, dev: true })).not.toContain("upgrade-insecure-requests");
  });

  it("believes X-Forwarded-Proto only from a configured trusted proxy, and only its own entry", () => {
    expect(servedOverHttps("https://atlas.example", 0, null)).toBe(true);
    expect(servedOverHttps("http://localhost:3000", 0, null)).toBe(false);
    // No trusted proxy: anyone can write the header.
    expect(servedOverHttps("http://localhost:3000", 0, "https")).toBe(false);
    expect(servedOverHttps("http://10.0.0.5:3000", 1, "https")).toBe(true);
    expect(servedOverHttps("http://10.0.0.5:3000", 1, "http")).toBe(false);
    // The client's own "https" comes first; the trusted proxy appended what it saw.
    expect(servedOverHttps("http://10.0.0.5:3000", 1, "https, http")).toBe(false);
    expect(servedOverHttps("http://10.0.0.5:3000", 2, "https, http")).toBe(true);
  });
});
