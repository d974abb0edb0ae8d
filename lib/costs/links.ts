import { usStateSchema, type Route, type UsState } from "@/db/enums";

/**
 * Links from the cost pages into the clinic search, with its parameter names and values (`state`,
 * `city`, `integration`, `followUp24h`, `groups=any`, `onCall`, `accepting`, `maxSessionPrice` in
 * whole dollars, `route`; see lib/search/query.ts).
 */
export type SearchLinkParams = {
  state?: UsState;
  city?: string;
  integration?: "included";
  followUp24h?: true;
  groups?: "any";
  onCall?: true;
  accepting?: true;
  /** Cents; the link carries whole dollars. */
  maxSessionPriceCents?: number;
  route?: Route;
};

export function clinicSearchHref(p: SearchLinkParams): string {
  const q = new URLSearchParams();
  if (p.state) q.set("state", p.state);
  if (p.city) q.set("city", p.city);
  if (p.route) q.set("route", p.route);
  if (p.integration) q.set("integration", p.integration);
  if (p.followUp24h) q.set("followUp24h", "true");
  if (p.groups) q.set("groups", p.groups);
  if (p.onCall) q.set("onCall", "true");
  if (p.accepting) q.set("accepting", "true");
  if (p.maxSessionPriceCents != null)
    q.set("maxSessionPrice", String(Math.ceil(p.maxSessionPriceCents / 100)));
  const s = q.toString();
  return s ? `/clinics?${s}` : "/clinics";
}

export const costsHref = (state?: UsState, citySlug?: string) =>
  state ? `/costs/${state.toLowerCase()}${citySlug ? `/${citySlug}` : ""}` : "/costs";

/** A state from its lowercase USPS code in a URL ("ca"); null for anything else. */
export function stateFromParam(raw: string): UsState | null {
  const parsed = usStateSchema.safeParse(raw.toUpperCase());
  return parsed.success && raw === raw.toLowerCase() ? parsed.data : null;
}
