import type { Clinic } from "@/db/schema";
import type { Route } from "@/db/enums";
import type { CostInput } from "@/lib/aftercare/cost";
import { usdRange } from "@/lib/format";
import { ROUTE_LABELS, STATE_NAMES } from "@/lib/labels";
import { isOnlineOnly, packagePriceText, safeWebsite } from "./describe";

/**
 * schema.org structured data for a clinic profile. Pure: the page passes the absolute URL of the
 * profile and renders `jsonLdText(...)` inside `<script type="application/ld+json">`.
 */

export type JsonLd = { "@context": "https://schema.org"; "@type": string } & Record<string, unknown>;

const SPECIALTY = "https://schema.org/Psychiatric";
const ANESTHESIA = "https://schema.org/Anesthesia";

const THERAPY_NAMES: Readonly<Record<Route, string>> = {
  iv_infusion: "Ketamine IV infusion",
  im_injection: "Ketamine IM injection",
  sublingual_lozenge: "Ketamine lozenge (sublingual)",
  oral: "Oral ketamine",
  esketamine_nasal: ROUTE_LABELS.esketamine_nasal,
  at_home: "At-home ketamine program",
};

export type ClinicJsonLdInput = Pick<
  Clinic,
  | "name"
  | "description"
  | "clinicType"
  | "street"
  | "city"
  | "state"
  | "postalCode"
  | "lat"
  | "lng"
  | "statesServed"
  | "routes"
  | "integrationTherapy"
  | "supportGroups"
  | "newPatientStatus"
  | "sessionMin"
  | "sessionMax"
  | "website"
  | "phone"
> &
  CostInput;

export function clinicJsonLd(c: ClinicJsonLdInput, profileUrl: string): JsonLd {
  const online = isOnlineOnly(c);
  const services: Record<string, unknown>[] = c.routes.map((r) => ({
    "@type": "MedicalTherapy",
    name: THERAPY_NAMES[r],
  }));
  if (c.integrationTherapy === "included" || c.integrationTherapy === "add_on") {
    services.push({ "@type": "PsychologicalTreatment", name: "Integration therapy" });
  }
  if (c.supportGroups !== "none") {
    services.push({ "@type": "PsychologicalTreatment", name: "Support groups" });
  }
  // The listed single-session range, and a package that costs less a session (as on the profile).
  const viaPackage = packagePriceText(c);
  const priceRange = [
    (c.sessionMin ?? c.sessionMax) !== null && `${usdRange(c.sessionMin, c.sessionMax)} per session`,
    viaPackage,
  ]
    .filter(Boolean)
    .join("; ");
  const website = safeWebsite(c.website);
  return {
    "@context": "https://schema.org",
    "@type": "MedicalClinic",
    "@id": profileUrl,
    name: c.name,
    description: c.description,
    url: website?.href ?? profileUrl,
    mainEntityOfPage: profileUrl,
    ...(c.phone ? { telephone: c.phone } : {}),
    address: {
      "@type": "PostalAddress",
      ...(c.street && !online ? { streetAddress: c.street } : {}),
      addressLocality: c.city,
      addressRegion: c.state,
      ...(c.postalCode && !online ? { postalCode: c.postalCode } : {}),
      addressCountry: "US",
    },
    ...(c.lat !== null && c.lng !== null && !online
      ? { geo: { "@type": "GeoCoordinates", latitude: c.lat, longitude: c.lng } }
      : {}),
    ...(online && c.statesServed.length > 0
      ? {
          areaServed: c.statesServed.map((s) => ({
            "@type": "State",
            name: STATE_NAMES[s as keyof typeof STATE_NAMES] ?? s,
          })),
        }
      : {}),
    medicalSpecialty: c.clinicType === "infusion_clinic" ? [SPECIALTY, ANESTHESIA] : [SPECIALTY],
    availableService: services,
    isAcceptingNewPatients: c.newPatientStatus === "accepting",
    ...(priceRange ? { priceRange } : {}),
  };
}

/**
 * JSON for an inline `<script>`: `<`, `>` and `&` become Unicode escapes so no text from a listing can
 * close the script or open a comment, and U+2028/U+2029 are escaped for old JavaScript parsers. The
 * result is still the same JSON.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
