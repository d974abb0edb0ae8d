import { describe, expect, it } from "vitest";
import { emailMatchesWebsite, registrableDomain } from "./domain";

describe("email domain ↔ website", () => {
  it("matches the same registrable domain, case-insensitive, with or without www or subdomains", () => {
    expect(emailMatchesWebsite("jane@clinic.com", "https://www.clinic.com/about")).toBe(true);
    expect(emailMatchesWebsite("Jane@CLINIC.com", "http://clinic.com")).toBe(true);
    expect(emailMatchesWebsite("jane@mail.clinic.com", "https://clinic.com")).toBe(true);
    expect(
      emailMatchesWebsite("someone@lumenwick-ketamine.example", "https://lumenwick-ketamine.example"),
    ).toBe(true);
    expect(emailMatchesWebsite("a@clinic.co.uk", "https://www.clinic.co.uk")).toBe(true);
  });

  it("does not match other domains, look-alikes, shared or free-mail domains, or missing websites", () => {
    expect(emailMatchesWebsite("jane@clinic.com", "https://otherclinic.com")).toBe(false);
    expect(emailMatchesWebsite("jane@clinic.com.evil.net", "https://clinic.com")).toBe(false);
    expect(emailMatchesWebsite("jane@evilclinic.com", "https://clinic.com")).toBe(false);
    expect(emailMatchesWebsite("x@other.co.uk", "https://clinic.co.uk")).toBe(false);
    expect(emailMatchesWebsite("jane@gmail.com", "https://gmail.com")).toBe(false);
    expect(emailMatchesWebsite("x@wixsite.com", "https://clinic.wixsite.com/home")).toBe(false);
    expect(emailMatchesWebsite("jane@clinic.com", null)).toBe(false);
    expect(emailMatchesWebsite("jane@clinic.com", "javascript:alert(1)//clinic.com")).toBe(false);
    expect(emailMatchesWebsite("jane@127.0.0.1", "http://127.0.0.1")).toBe(false);
  });

  it("finds registrable domains", () => {
    expect(registrableDomain("a.b.clinic.com")).toBe("clinic.com");
    expect(registrableDomain("www.clinic.co.uk")).toBe("clinic.co.uk");
    expect(registrableDomain("localhost")).toBeNull();
  });
});
