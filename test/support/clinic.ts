import type { Clinic, DerivedKey } from "@/db/schema";
import { withDerived } from "@/lib/aftercare/derived";
import { DECLARED_BLANK } from "@/lib/listings/schema";

let counter = 0;

/**
 * A complete, published clinic row for tests: a plain IV clinic with every price listed and middling
 * aftercare. Override any field; `slug` and `id` are unique per call unless given. The derived facts
 * are computed from the result (`withDerived`). Fields declared whole in lib/listings/fields.ts start
 * blank (`DECLARED_BLANK`), so a new one needs nothing here.
 */
export function makeClinic(overrides: Partial<Omit<Clinic, DerivedKey>> = {}): Clinic {
  counter += 1;
  const n = String(counter).padStart(12, "0");
  const row: Omit<Clinic, DerivedKey> = {
    ...DECLARED_BLANK,
    id: `00000000-0000-4000-8000-${n}`,
    slug: `test-clinic-${counter}`,
    name: `Test Clinic ${counter}`,
    clinicType: "infusion_clinic",
    description: "Fictional sample listing. A test clinic.",
    website: "https://test-clinic.example",
    phone: "(512) 555-0142",
    contactEmail: "hello@test-clinic.example",
    street: "100 Main St",
    city: "Austin",
    state: "TX",
    postalCode: "78701",
    lat: 30.27,
    lng: -97.74,
    statesServed: ["TX"],
    routes: ["iv_infusion"],
    conditions: ["depression"],
    newPatientStatus: "accepting",
    waitDays: 5,
    medicalLead: "md",
    remsCertified: false,
    languages: ["English"],
    eveningHours: false,
    weekendHours: false,
    integrationTherapy: "referral_only",
    integrationBy: "licensed_therapist",
    integrationFormats: ["virtual"],
    supportGroups: "none",
    followUp24h: false,
    onCall: "nurse",
    onCallHours: "business",
    prepSessions: 0,
    measurementBasedCare: false,
    digitalTools: [],
    lifestyle: [],
    recoveryRoom: true,
    aftercareWeeks: 4,
    aftercareNotes: "",
    consultFee: 25_000,
    sessionMin: 45_000,
    sessionMax: 60_000,
    seriesSessions: 6,
    seriesMin: 240_000,
    seriesMax: 320_000,
    boosterMin: null,
    boosterMax: 70_000,
    integrationSessionFee: null,
    groupSessionFee: null,
    insurance: "none",
    hsaFsa: true,
    financing: false,
    slidingScale: false,
    refundPolicy: "",
    priceSource: "sample",
    priceUpdatedAt: "2026-03-01",
    status: "published",
    dataSource: "sample",
    lastVerifiedAt: new Date("2026-04-01T00:00:00Z"),
    createdAt: new Date("2025-01-01T00:00:00Z"),
    updatedAt: new Date("2026-04-01T00:00:00Z"),
    version: 1,
    patientConfirmed: false,
    ...overrides,
  };
  return withDerived(row);
}
