/**
 * Does an email address belong to the organisation behind a website? Compares registrable domains
 * (case-insensitive, `www.` stripped): `jane@clinic.com` and `jane@mail.clinic.com` match
 * `https://www.clinic.com/about`. Free-mail and shared-hosting domains never match, because anyone
 * can get an address (or a site) there. Pure.
 */

/** Two-level public suffixes common enough to matter here (clinic.co.uk → clinic.co.uk, not co.uk). */
const TWO_LEVEL_SUFFIXES = new Set([
  "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.nz", "co.jp", "com.br", "com.mx",
  "co.in", "co.za", "com.sg", "com.hk", "co.il", "com.tr", "com.cn", "com.tw", "co.kr",
]); // prettier-ignore

/** Domains where anyone can get a mailbox or a site: never proof of working for a clinic. */
const SHARED_DOMAINS = new Set([
  "gmail.com", "googlemail.com", "yahoo.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "aol.com",
  "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "gmx.com", "mail.com", "zoho.com",
  "yandex.com", "fastmail.com", "hey.com", "comcast.net", "att.net", "verizon.net",
  "google.com", "wixsite.com", "squarespace.com", "weebly.com", "wordpress.com", "blogspot.com",
  "github.io", "netlify.app", "vercel.app", "godaddysites.com", "facebook.com", "instagram.com", "linktr.ee",
  "psychologytoday.com", "zocdoc.com", "healthgrades.com",
]); // prettier-ignore

/** "www.Clinic.com." → "clinic.com"; null for anything that is not a plausible hostname. */
function normalizeHost(host: string): string | null {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/\.$/, "")
    .replace(/^www\./, "");
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(h) || /^\d+(\.\d+)+$/.test(h)) return null;
  return h;
}

/** The registrable domain of a hostname: the last two labels, three after a known two-level suffix. */
export function registrableDomain(host: string): string | null {
  const h = normalizeHost(host);
  if (!h) return null;
  const labels = h.split(".");
  const lastTwo = labels.slice(-2).join(".");
  const n = TWO_LEVEL_SUFFIXES.has(lastTwo) ? 3 : 2;
  return labels.length >= n ? labels.slice(-n).join(".") : null;
}

function websiteHost(website: string | null | undefined): string | null {
  if (!website) return null;
  try {
    const u = new URL(website);
    return u.protocol === "http:" || u.protocol === "https:" ? normalizeHost(u.hostname) : null;
  } catch {
    return null; // not a URL at all: no domain to compare
  }
}

function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  return at > 0 ? normalizeHost(email.slice(at + 1)) : null;
}

export function emailMatchesWebsite(email: string, website: string | null | undefined): boolean {
  const host = websiteHost(website);
  const domain = emailDomain(email);
  if (!host || !domain) return false;
  const a = registrableDomain(host);
  const b = registrableDomain(domain);
  if (!a || !b || a !== b) return false;
  return !SHARED_DOMAINS.has(a);
}

/**
 * Does this email come from the clinic's own domain: its website's, or its contact email's (free-mail
 * and shared domains never match)?
 */
export function emailFromClinicDomain(
  email: string,
  clinic: { website: string | null; contactEmail: string | null },
): boolean {
  if (emailMatchesWebsite(email, clinic.website)) return true;
  const contactDomain = clinic.contactEmail ? emailDomain(clinic.contactEmail) : null;
  return contactDomain !== null && emailMatchesWebsite(email, `https://${contactDomain}/`);
}
