import { describe, expect, it } from "vitest";
import { makeClinic } from "@/test/support/clinic";
import {
  paymentText,
  feeText,
  integrationDetail,
  joinAnd,
  mailHref,
  newPatientText,
  onCallText,
  placeText,
  safeWebsite,
  sessionPriceText,
  statesServedShort,
  telHref,
  waitText,
} from "./describe";

describe("describe", () => {
  it("says the one comparable price per session, and when a package gives it", () => {
    expect(sessionPriceText(47_900, 6)).toBe("from $479/session in a 6-session package");
    expect(sessionPriceText(45_000, null)).toBe("from $450/session");
    expect(sessionPriceText(null, null)).toBe("Not listed");
  });

  it("says who is on call and when", () => {
    expect(onCallText({ onCall: "nurse", onCallHours: "always" })).toBe("A nurse, any time, day or night");
    expect(onCallText({ onCall: "coach", onCallHours: null })).toBe("A coach, hours not stated");
    expect(onCallText({ onCall: "none", onCallHours: "always" })).toBe("No one on call");
  });

  it("says who leads integration therapy and how", () => {
    const c = makeClinic({
      integrationBy: "licensed_therapist",
      integrationFormats: ["in_person", "virtual"],
    });
    expect(integrationDetail(c)).toBe("Led by a licensed therapist, in person or online");
    expect(integrationDetail({ ...c, integrationBy: "none", integrationFormats: [] })).toBe(
      "Who leads it is not stated",
    );
    expect(integrationDetail({ ...c, integrationTherapy: "none" })).toBeNull();
  });

  it("words waits, new-patient status and fees", () => {
    expect([null, 0, 1, 9, 14, 30].map(waitText)).toEqual([
      "Wait not listed",
      "No wait",
      "About 1 day",
      "About 9 days",
      "About 2 weeks",
      "About 4 weeks",
    ]);
    expect(newPatientText({ newPatientStatus: "waitlist", waitDays: 21 })).toBe(
      "Waitlist for new patients (about 3 weeks)",
    );
    expect(newPatientText({ newPatientStatus: "not_accepting", waitDays: 21 })).toBe(
      "Not taking new patients",
    );
    expect([null, 0, 4500].map(feeText)).toEqual(["Not listed", "Free", "$45"]);
  });

  it("places clinics and online services", () => {
    expect(placeText(makeClinic())).toBe("Austin, TX");
    expect(placeText(makeClinic({ clinicType: "telehealth", lat: null, lng: null }))).toBe(
      "Online, based in Austin, TX",
    );
    expect(statesServedShort([])).toBe("States not listed");
    expect(statesServedShort(["CA"])).toBe("CA");
    expect(statesServedShort(["CA", "NV", "OR"])).toBe("CA, NV and OR");
    expect(joinAnd(["a", "b"])).toBe("a and b");
  });

  it("links only to http(s) websites", () => {
    expect(safeWebsite("https://clinic.example/about")?.href).toBe("https://clinic.example/about");
    expect(safeWebsite("http://clinic.example")?.hostname).toBe("clinic.example");
    for (const bad of [
      "javascript:alert(1)",
      "data:text/html,x",
      "clinic.example",
      "//clinic.example",
      "",
      null,
    ]) {
      expect(safeWebsite(bad)).toBeNull();
    }
  });

  it("builds tel: and mailto: links only from plausible values", () => {
    expect(telHref("(512) 555-0142")).toBe("tel:+15125550142");
    expect(telHref("1-512-555-0142")).toBe("tel:+15125550142");
    expect(telHref("call us")).toBeNull();
    expect(mailHref("hello@clinic.example")).toBe("mailto:hello@clinic.example");
    expect(mailHref("a@b.example?bcc=x@y.example")).toBeNull();
    expect(mailHref("not an email")).toBeNull();
  });
});

describe("paymentText", () => {
  it("puts insurance, HSA/FSA and payment plans in one line, leaving out what isn't offered", () => {
    expect(paymentText({ insurance: "none", hsaFsa: true, financing: true })).toBe(
      "Self-pay only · HSA/FSA accepted · Payment plans",
    );
    expect(paymentText({ insurance: "in_network", hsaFsa: false, financing: false })).toBe(
      "In network with some insurers",
    );
  });
});
