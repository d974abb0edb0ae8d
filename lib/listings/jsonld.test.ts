import { describe, expect, it } from "vitest";
import { makeClinic } from "@/test/support/clinic";
import { clinicJsonLd, jsonLdText } from "./jsonld";

const URL_ = "https://atlas.example/clinics/calm-harbor";

describe("clinicJsonLd", () => {
  it("describes a physical clinic as a MedicalClinic with address, geo, services and prices", () => {
    const ld = clinicJsonLd(
      makeClinic({
        name: "Calm Harbor",
        routes: ["iv_infusion", "esketamine_nasal"],
        integrationTherapy: "included",
      }),
      URL_,
    );
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "MedicalClinic",
      name: "Calm Harbor",
      url: "https://test-clinic.example/",
      address: {
        "@type": "PostalAddress",
        streetAddress: "100 Main St",
        addressLocality: "Austin",
        addressRegion: "TX",
        postalCode: "78701",
        addressCountry: "US",
      },
      geo: { "@type": "GeoCoordinates", latitude: 30.27, longitude: -97.74 },
      medicalSpecialty: ["https://schema.org/Psychiatric", "https://schema.org/Anesthesia"],
      isAcceptingNewPatients: true,
      // the listed range, and the fixture's package ($2,400 for 6) as it costs less a session
      priceRange: "$450–$600 per session; from $400/session in a 6-session package",
    });
    expect(ld.availableService).toEqual([
      { "@type": "MedicalTherapy", name: "Ketamine IV infusion" },
      { "@type": "MedicalTherapy", name: "Esketamine nasal spray (Spravato)" },
      { "@type": "PsychologicalTreatment", name: "Integration therapy" },
    ]);
  });

  it("gives an online service the states it serves instead of a street and a point", () => {
    const ld = clinicJsonLd(
      makeClinic({
        clinicType: "telehealth",
        lat: null,
        lng: null,
        statesServed: ["CA", "NV"],
        newPatientStatus: "waitlist",
        sessionMin: null,
        sessionMax: null,
        website: "javascript:alert(1)",
      }),
      URL_,
    );
    expect(ld.geo).toBeUndefined();
    expect(ld.address).not.toHaveProperty("streetAddress");
    expect(ld.areaServed).toEqual([
      { "@type": "State", name: "California" },
      { "@type": "State", name: "Nevada" },
    ]);
    expect(ld.isAcceptingNewPatients).toBe(false);
    // no single-session price: the package's price per session is the only one
    expect(ld.priceRange).toBe("from $400/session in a 6-session package");
    // a website that is not http(s) is never repeated; the profile stands in
    expect(ld.url).toBe(URL_);
  });
});

describe("jsonLdText", () => {
  it("cannot be broken out of, and parses back to the same data", () => {
    const data = { name: "</script><script>alert(1)</script> & <!-- \u2028" };
    const text = jsonLdText(data);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});
