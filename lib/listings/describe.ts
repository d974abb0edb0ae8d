import type { Clinic } from "@/db/schema";
import type { UsState } from "@/db/enums";
import { effectiveSessionPrice, type CostInput } from "@/lib/aftercare/cost";
import { counted, NOT_LISTED, usd } from "@/lib/format";
import {
  INSURANCE_LABELS,
  INTEGRATION_BY_LABELS,
  INTEGRATION_FORMAT_LABELS,
  NEW_PATIENT_STATUS_LABELS,
  ON_CALL_HOURS_LABELS,
  ON_CALL_LABELS,
  STATE_NAMES,
} from "@/lib/labels";

/**
 * Short plain-language phrases for listing facts, shared by the profile, the compare table and
 * anything else that shows a clinic. Pure and client-safe.
 */

export const yesNo = (b: boolean) => (b ? "Yes" : "No");

/** "Nutrition, Sleep", or `none` when the list is empty. */
export function listText<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
  none = "None listed",
): string {
  return values.length === 0 ? none : values.map((v) => labels[v]).join(", ");
}

/** Who answers between visits and when: "A nurse, any time, day or night". */
export function onCallText(c: Pick<Clinic, "onCall" | "onCallHours">): string {
  if (c.onCall === "none") return ON_CALL_LABELS.none;
  const hours = c.onCallHours ? ON_CALL_HOURS_LABELS[c.onCallHours].toLowerCase() : "hours not stated";
  return `${ON_CALL_LABELS[c.onCall]}, ${hours}`;
}

/** Who leads integration therapy and how: "Led by a licensed therapist, in person or online"; null when not offered. */
export function integrationDetail(
  c: Pick<Clinic, "integrationTherapy" | "integrationBy" | "integrationFormats">,
): string | null {
  if (c.integrationTherapy === "none") return null;
  const by =
    c.integrationBy === "none"
      ? "Who leads it is not stated"
      : `Led by ${INTEGRATION_BY_LABELS[c.integrationBy].toLowerCase()}`;
  const formats = c.integrationFormats.map((f) => INTEGRATION_FORMAT_LABELS[f].toLowerCase());
  return formats.length === 0 ? by : `${by}, ${formats.join(" or ")}`;
}

export function prepText(sessions: number): string {
  return sessions >= 1 ? counted(sessions, "session") : "None listed";
}

export function aftercareLengthText(weeks: number): string {
  return weeks >= 1 ? counted(weeks, "week") : "Not stated";
}

/** The wait for a first visit: "About 5 days", "About 3 weeks", "No wait listed". */
export function waitText(days: number | null): string {
  if (days === null) return "Wait not listed";
  if (days === 0) return "No wait";
  if (days < 14) return `About ${counted(days, "day")}`;
  return `About ${counted(Math.round(days / 7), "week")}`;
}

/** "Taking new patients" or "Waitlist for new patients (about 3 weeks)". */
export function newPatientText(c: Pick<Clinic, "newPatientStatus" | "waitDays">): string {
  const status = NEW_PATIENT_STATUS_LABELS[c.newPatientStatus];
  if (c.newPatientStatus === "not_accepting" || c.waitDays === null) return status;
  return `${status} (${waitText(c.waitDays).toLowerCase()})`;
}

/** Whether a listing is an online service rather than a place to visit. */
export function isOnlineOnly(c: Pick<Clinic, "clinicType" | "lat" | "lng">): boolean {
  return c.clinicType === "telehealth" || c.lat === null || c.lng === null;
}

export function stateName(code: string): string {
  return STATE_NAMES[code as UsState] ?? code;
}

/** "Austin, TX", or "Online, based in Austin, TX" for a telehealth service. */
export function placeText(c: Pick<Clinic, "clinicType" | "lat" | "lng" | "city" | "state">): string {
  return isOnlineOnly(c) ? `Online, based in ${c.city}, ${c.state}` : `${c.city}, ${c.state}`;
}

/** States an online service treats patients in: "CA, NV and OR" (codes) for tight spaces. */
export function statesServedShort(states: readonly string[], most = 5): string {
  if (states.length === 0) return "States not listed";
  if (states.length <= most) return joinAnd(states);
  return `${states.slice(0, most).join(", ")} and ${states.length - most} more`;
}

/** "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A single fee: "Free" for $0, "Not listed" for unknown, else "$45". */
export function feeText(cents: number | null): string {
  if (cents === null) return "Not listed";
  return cents === 0 ? "Free" : usd(cents);
}

/** Whether a website may be shown as a link: only absolute http(s) URLs. */
export function safeWebsite(url: string | null): URL | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === "https:" || u.protocol === "http:" ? u : null;
  } catch {
    return null;
  }
}

/** A `tel:` link for a US phone number as written by the clinic; null when it has too few digits. */
export function telHref(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, "");
  if (digits.length === 10) return `tel:+1${digits}`;
  if (digits.length === 11 && digits.startsWith("1")) return `tel:+${digits}`;
  return null;
}

/** A `mailto:` link for a plain email address; null for anything that does not look like one. */
export function mailHref(email: string | null): string | null {
  if (!email) return null;
  const e = email.trim();
  return /^[^\s@<>"(),;:]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(e) ? `mailto:${e}` : null;
}

/** Insurance, HSA/FSA and payment plans in one line: "Self-pay only · HSA/FSA accepted · Payment plans". */
export function paymentText(c: Pick<Clinic, "insurance" | "hsaFsa" | "financing">): string {
  return [INSURANCE_LABELS[c.insurance], c.hsaFsa && "HSA/FSA accepted", c.financing && "Payment plans"]
    .filter(Boolean)
    .join(" · ");
}

/**
 * The one comparable per-session price (`sessionPrice`, lib/aftercare/cost.ts
 * `effectiveSessionPrice`) in words: "from $479/session in a 6-session package" when a package
 * gives it, else "from $450/session"; "Not listed" without any price.
 */
export function sessionPriceText(cents: number | null, packageSessions: number | null): string {
  if (cents === null) return NOT_LISTED;
  const each = `from ${usd(cents)}/session`;
  return packageSessions === null ? each : `${each} in a ${packageSessions}-session package`;
}

/**
 * The per-session price a package gives, in words, when it is the listing's one comparable price
 * (lower than a single session, or the only price): "from $479/session in a 6-session package".
 * Null when the single-session price is the lowest, or nothing is listed. Shown beside the listed
 * single-session range on the profile and in the compare table, so they agree with the cards.
 */
export function packagePriceText(c: CostInput): string | null {
  const p = effectiveSessionPrice(c);
  // In whole dollars, as the search document and the cards give it (lib/search/document.ts).
  return p && p.packageSessions !== null
    ? sessionPriceText(Math.round(p.cents / 100) * 100, p.packageSessions)
    : null;
}
