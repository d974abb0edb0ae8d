import { describe, expect, it } from "vitest";
import { generateClinics } from "@/db/seed/generate";
import {
  fieldErrors,
  formDataToInput,
  listingInputSchema,
  priceRule,
  toFormValues,
  webUrlSchema,
  type ListingValues,
} from "./schema";

const sample = generateClinics(40, 3);
const base = () => toFormValues(sample[0]! as Parameters<typeof toFormValues>[0]);

function parse(over: Record<string, unknown>) {
  return listingInputSchema.safeParse({ ...base(), ...over });
}

describe("listing schema", () => {
  it("accepts every generated sample listing as it is stored (round trip through the form)", () => {
    for (const c of sample) {
      const r = listingInputSchema.safeParse(toFormValues(c as Parameters<typeof toFormValues>[0]));
      expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
      const v = r.data as ListingValues;
      expect(v.sessionMin).toBe(c.sessionMin);
      expect(v.routes).toEqual(c.routes);
    }
  });

  it("refuses a NUL byte or a lone surrogate in any free-text field, with a message on that field", () => {
    const bad = ["a\u0000b", "broken \uD83D emoji", "tail \uDE00"];
    const fields = [
      "name",
      "city",
      "description",
      "aftercareNotes",
      "refundPolicy",
      "street",
      "website",
      "phone",
      "contactEmail",
      "languages",
    ];
    for (const field of fields) {
      for (const value of bad) {
        const r = parse({ [field]: value });
        expect(r.success, `${field} ${JSON.stringify(value)}`).toBe(false);
        expect(fieldErrors(r.error!)[field as keyof ReturnType<typeof fieldErrors>]).toMatch(
          /can’t be saved \(a NUL byte or half of an emoji\)/,
        );
      }
    }
    // A whole emoji (a surrogate pair) is fine.
    const ok = parse({ description: "Calm rooms 🌿 and tea" });
    expect(ok.success).toBe(true);
    expect(ok.data?.description).toBe("Calm rooms 🌿 and tea");
  });

  it("turns dollars into integer cents and empty prices into null", () => {
    const r = parse({ sessionMin: "$1,200.5", sessionMax: "1300", consultFee: "" });
    expect(r.success).toBe(true);
    expect(r.data?.sessionMin).toBe(120_050);
    expect(r.data?.sessionMax).toBe(130_000);
    expect(r.data?.consultFee).toBeNull();
  });

  it("explains bad prices by field", () => {
    const r = parse({ sessionMin: "abc", sessionMax: "-5", seriesMin: "100000.01" });
    expect(r.success).toBe(false);
    const e = fieldErrors(r.error!);
    expect(e.sessionMin).toMatch(/dollars/);
    expect(e.sessionMax).toMatch(/dollars/);
    expect(e.seriesMin).toMatch(/100,000/);
  });

  it("wants the highest price at least the lowest, and a series size with a series price", () => {
    const r = parse({
      sessionMin: "500",
      sessionMax: "400",
      seriesMin: "2400",
      seriesMax: "",
      seriesSessions: "",
    });
    const e = fieldErrors(r.error!);
    expect(e.sessionMax).toMatch(/at least the lowest/);
    expect(e.seriesSessions).toMatch(/how many sessions/);
  });

  it("accepts only http(s) web addresses", () => {
    for (const bad of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "data:text/html,<b>x</b>",
      "ftp://x.example",
      "www.clinic.com",
      "https://user:pw@x.example",
      "vbscript:x",
    ]) {
      expect(webUrlSchema.safeParse(bad).success, bad).toBe(false);
      expect(fieldErrors(parse({ website: bad }).error!).website).toMatch(/https:\/\//);
    }
    expect(parse({ website: "https://www.clinic.example/path?q=1" }).success).toBe(true);
    expect(parse({ website: "" }).data?.website).toBeNull();
  });

  it("keeps hostile text as text (it is rendered escaped, never interpreted)", () => {
    const hostile = `<script>alert(1)</script><img src=x onerror="alert(2)">`;
    const r = parse({ aftercareNotes: hostile, description: hostile, refundPolicy: hostile, name: hostile });
    expect(r.success).toBe(true);
    expect(r.data?.aftercareNotes).toBe(hostile);
  });

  it("rejects unknown and privileged fields", () => {
    for (const key of [
      "status",
      "dataSource",
      "lastVerifiedAt",
      "priceSource",
      "slug",
      "id",
      "version",
      "lat",
    ]) {
      const r = parse({ [key]: "x" });
      expect(r.success, key).toBe(false);
      expect(fieldErrors(r.error!)._form).toContain(key);
    }
  });

  it("reads tick boxes, checkbox groups and lists from FormData, and keeps unknown keys for rejection", () => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(base())) {
      if (typeof v === "boolean") {
        if (v) fd.append(k, "on");
      } else if (Array.isArray(v)) v.forEach((x) => fd.append(k, x));
      else fd.append(k, v);
    }
    fd.set("followUp24h", "on");
    fd.delete("recoveryRoom");
    fd.delete("digitalTools");
    fd.append("$ACTION_ID_abc", "");
    fd.append("version", "3");
    const input = formDataToInput(fd, ["version"]);
    const r = listingInputSchema.safeParse(input);
    expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
    expect(r.data?.followUp24h).toBe(true);
    expect(r.data?.recoveryRoom).toBe(false);
    expect(r.data?.digitalTools).toEqual([]);
    fd.append("status", "suspended");
    expect(listingInputSchema.safeParse(formDataToInput(fd, ["version"])).success).toBe(false);
  });

  it("reads CSV-style cells: yes/no, semicolon lists, state codes in any case", () => {
    const r = parse({
      hsaFsa: "yes",
      financing: "No",
      routes: "iv_infusion; im_injection",
      statesServed: "ca, nv",
      languages: "English; Spanish",
    });
    expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
    expect(r.data?.hsaFsa).toBe(true);
    expect(r.data?.financing).toBe(false);
    expect(r.data?.routes).toEqual(["iv_infusion", "im_injection"]);
    expect(r.data?.statesServed).toEqual(["CA", "NV"]);
    expect(parse({ hsaFsa: "maybe" }).success).toBe(false);
  });

  it("asks for on-call hours when someone is on call, and drops them when nobody is", () => {
    expect(fieldErrors(parse({ onCall: "nurse", onCallHours: "" }).error!).onCallHours).toBeTruthy();
    expect(parse({ onCall: "none", onCallHours: "always" }).data?.onCallHours).toBeNull();
  });
});

describe("price rule", () => {
  const row = { ...(sample[1] as Parameters<typeof priceRule>[0]) };
  it("makes changed prices clinic-reported as of today, and leaves unchanged ones alone", () => {
    const now = new Date("2026-03-04T23:59:00Z");
    expect(priceRule(row, { sessionMin: row.sessionMin }, now)).toEqual({});
    expect(priceRule(row, { sessionMin: (row.sessionMin ?? 0) + 100 }, now)).toEqual({
      priceSource: "clinic_reported",
      priceUpdatedAt: "2026-03-04",
    });
    expect(priceRule(row, { consultFee: row.consultFee == null ? 100 : null }, now).priceSource).toBe(
      "clinic_reported",
    );
  });
});
