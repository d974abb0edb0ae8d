import type { Clinic } from "@/db/schema";
import type { Route } from "@/db/enums";
import { Explain } from "@/components/glossary";
import {
  CLINIC_TYPE_LABELS,
  CONDITION_LABELS,
  INSURANCE_LABELS,
  MEDICAL_LEAD_LABELS,
  ROUTE_LABELS,
  type GlossaryKey,
} from "@/lib/labels";
import {
  isOnlineOnly,
  joinAnd,
  listText,
  mailHref,
  newPatientText,
  safeWebsite,
  stateName,
  telHref,
  yesNo,
} from "@/lib/listings/describe";
import { declaredFacts, Facts, Section, type Fact } from "./facts";

const ROUTE_TERMS: Readonly<Partial<Record<Route, GlossaryKey>>> = {
  iv_infusion: "iv",
  im_injection: "im",
  sublingual_lozenge: "sublingual",
  esketamine_nasal: "esketamine",
  at_home: "atHome",
};

const TYPE_TERMS: Readonly<Partial<Record<Clinic["clinicType"], GlossaryKey>>> = {
  kap_practice: "kap",
  telehealth: "telehealth",
};

export function PaymentSection({ clinic: c }: { clinic: Clinic }) {
  const facts: Fact[] = [
    {
      label: "Insurance",
      value: INSURANCE_LABELS[c.insurance],
      note:
        c.insurance === "none" || c.insurance === "superbill"
          ? "Insurance rarely covers ketamine treatment other than Spravato. Ask your insurer before you book."
          : undefined,
      ...(c.insurance === "superbill" ? { term: "superbill" as const } : {}),
    },
    { label: "HSA / FSA", value: c.hsaFsa ? "Accepted" : "Not listed", term: "hsaFsa" },
    { label: "Payment plans", value: c.financing ? "Offered" : "Not listed", term: "financing" },
    { label: "Sliding scale", value: c.slidingScale ? "Offered" : "Not listed", term: "slidingScale" },
    {
      label: "Refund policy",
      value: c.refundPolicy.trim() || "Not listed. Ask before you pay for a series.",
    },
    ...declaredFacts(c, "prices"),
  ];
  return (
    <Section id="payment" title="Insurance and payment">
      <Facts facts={facts} />
    </Section>
  );
}

export function CareSection({ clinic: c }: { clinic: Clinic }) {
  const offersSpravato = c.routes.includes("esketamine_nasal");
  const typeTerm = TYPE_TERMS[c.clinicType];
  const facts: Fact[] = [
    {
      label: "Kind of clinic",
      value: CLINIC_TYPE_LABELS[c.clinicType],
      ...(typeTerm ? { term: typeTerm } : {}),
    },
    {
      label: "Treatments",
      value:
        c.routes.length === 0 ? (
          "Not listed"
        ) : (
          <ul className="space-y-1">
            {c.routes.map((r) => {
              const term = ROUTE_TERMS[r];
              return (
                <li key={r}>
                  {ROUTE_LABELS[r]}
                  {term ? <Explain term={term} /> : null}
                </li>
              );
            })}
          </ul>
        ),
    },
    { label: "Conditions treated", value: listText(c.conditions, CONDITION_LABELS, "Not listed") },
    {
      label: "Medical lead",
      value: c.medicalLead ? MEDICAL_LEAD_LABELS[c.medicalLead] : "Not stated",
      term: "medicalLead",
    },
    ...declaredFacts(c, "care"),
  ];
  if (offersSpravato || c.remsCertified) {
    facts.push({
      label: "Certified to give Spravato (REMS)",
      value: yesNo(c.remsCertified),
      note:
        offersSpravato && !c.remsCertified
          ? "Spravato may only be given at a REMS-certified clinic. Ask the clinic about this before you book."
          : undefined,
      term: "rems",
    });
  }
  return (
    <Section id="care" title="Treatment">
      <Facts facts={facts} />
      {c.description.trim() !== "" && (
        <div>
          <h3 className="font-semibold">About this clinic</h3>
          <p className="whitespace-pre-line text-muted">{c.description}</p>
        </div>
      )}
    </Section>
  );
}

export function PlaceSection({ clinic: c, sample }: { clinic: Clinic; sample: boolean }) {
  const online = isOnlineOnly(c);
  const website = safeWebsite(c.website);
  const tel = telHref(c.phone);
  const mail = mailHref(c.contactEmail);
  const facts: Fact[] = [
    online
      ? {
          label: "Where",
          value: `Online service based in ${c.city}, ${stateName(c.state)}`,
          note:
            c.statesServed.length > 0
              ? `Treats people who live in ${joinAnd(c.statesServed.map(stateName))}.`
              : "The states it serves are not listed.",
        }
      : {
          label: "Address",
          value: (
            <address className="not-italic">
              {c.street ? (
                <>
                  {c.street}
                  <br />
                </>
              ) : null}
              {c.city}, {c.state} {c.postalCode ?? ""}
            </address>
          ),
        },
    { label: "Evening hours", value: c.eveningHours ? "Yes" : "Not listed" },
    { label: "Weekend hours", value: c.weekendHours ? "Yes" : "Not listed" },
    { label: "Languages", value: c.languages.length > 0 ? c.languages.join(", ") : "Not listed" },
    { label: "New patients", value: newPatientText(c) },
    {
      label: "Contact",
      value: (
        <ul className="space-y-1">
          {website && (
            <li>
              Website:{" "}
              <a
                href={website.href}
                rel="nofollow noopener noreferrer"
                target="_blank"
                className="inline-block py-2"
              >
                {website.hostname}
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
            </li>
          )}
          {c.phone && (
            <li>
              Phone:{" "}
              {tel ? (
                <a href={tel} className="num inline-block py-2">
                  {c.phone}
                </a>
              ) : (
                <span className="num">{c.phone}</span>
              )}
            </li>
          )}
          {c.contactEmail && (
            <li>
              Email:{" "}
              {mail ? (
                <a href={mail} className="inline-block break-all py-2">
                  {c.contactEmail}
                </a>
              ) : (
                c.contactEmail
              )}
            </li>
          )}
          {!website && !c.phone && !c.contactEmail && <li>No contact details listed</li>}
        </ul>
      ),
      note: sample
        ? "This is a made-up sample clinic: its website, phone and email are not real."
        : undefined,
    },
    ...declaredFacts(c, "logistics", "contact"),
  ];
  return (
    <Section id="contact" title={online ? "Where, when and how to reach them" : "Place, hours and contact"}>
      <Facts facts={facts} />
    </Section>
  );
}
