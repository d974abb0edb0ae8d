import { describe, expect, it } from "vitest";
import { adminEmailsSchema, emailFromSchema, emailServerSchema, roleForEmail } from "./config-schemas";

describe("sign-in settings", () => {
  it("reads ADMIN_EMAILS as a lower-case list and names a bad entry", () => {
    expect(adminEmailsSchema.parse(" A@x.org, b@y.org ,")).toEqual(["a@x.org", "b@y.org"]);
    expect(adminEmailsSchema.parse(undefined)).toEqual([]);
    const bad = adminEmailsSchema.safeParse("a@x.org; b@y.org");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/not an email address/);
  });
  it("makes admins only of listed addresses, whatever their case", () => {
    expect(roleForEmail("A@X.org", ["a@x.org"])).toBe("admin");
    expect(roleForEmail("b@x.org", ["a@x.org"])).toBe("member");
  });
  it("accepts smtp(s) URLs and From addresses only", () => {
    expect(emailServerSchema.safeParse("smtp://u:p@mail.example:587").success).toBe(true);
    expect(emailServerSchema.safeParse("smtps://mail.example:465").success).toBe(true);
    expect(emailServerSchema.safeParse("http://mail.example").success).toBe(false);
    expect(emailFromSchema.safeParse("Aftercare Atlas <no-reply@example.org>").success).toBe(true);
    expect(emailFromSchema.safeParse("no-reply@example.org").success).toBe(true);
    expect(emailFromSchema.safeParse("Atlas <nope>").success).toBe(false);
  });
});
