import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

/** The return address after sign-in (`/signin?next=…`): only a path on this site, never a way off it. */
describe("safeReturnPath", () => {
  it.each(["/dashboard", "/for-clinics/claim?clinic=a-b", "/admin/import", "/clinics?q=x&page=2#top", "/"])(
    "keeps a same-site path: %s",
    (p) => expect(safeReturnPath(p)).toBe(p),
  );

  it.each([
    ["//evil.example", "protocol-relative: another host"],
    ["//evil.example/dashboard", "protocol-relative with a path"],
    ["/\\evil.example", "a backslash browsers read as a slash"],
    ["/\\/evil.example", "backslash then slash"],
    ["https://evil.example/dashboard", "an absolute URL"],
    ["http:/evil.example", "a scheme without slashes"],
    ["javascript:alert(1)", "a script URL"],
    ["data:text/html,<script>alert(1)</script>", "a data URL"],
    ["evil.example", "no leading slash"],
    ["dashboard", "a relative path"],
    [" /dashboard", "leading space"],
    ["/dash board", "whitespace inside"],
    ["/dashboard\n//evil.example", "a newline (header splitting)"],
    ["/\t/evil.example", "a tab browsers strip, leaving //"],
    ["", "empty"],
  ])("refuses %j (%s) and returns the fallback", (p) => {
    expect(safeReturnPath(p)).toBe("/dashboard");
    expect(safeReturnPath(p, "/admin")).toBe("/admin");
  });

  it("refuses a missing value", () => {
    expect(safeReturnPath(null)).toBe("/dashboard");
    expect(safeReturnPath(undefined, "/")).toBe("/");
  });
});
