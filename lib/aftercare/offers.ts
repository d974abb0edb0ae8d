import type { IntegrationTherapy } from "@/db/enums";

/**
 * The one meaning of "offers integration therapy", used by every figure that reports it (the home
 * page, the search link behind that figure, the cost pages): the clinic gives integration therapy
 * itself, included in the price or for an extra fee. A referral to an outside therapist does not
 * count. Stored per listing as `offers_integration` (lib/aftercare/derived.ts), which the figures count.
 */
export const OFFERS_INTEGRATION = ["included", "add_on"] as const satisfies readonly IntegrationTherapy[];

/** The words every page uses for the share of clinics that offer integration therapy. */
export const OFFERS_INTEGRATION_LABEL = "Offer integration therapy (included or extra cost)";

export function offersIntegration(value: IntegrationTherapy): boolean {
  return (OFFERS_INTEGRATION as readonly IntegrationTherapy[]).includes(value);
}
