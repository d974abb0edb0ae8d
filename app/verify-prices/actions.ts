"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/components/action-form";
import { getDb } from "@/lib/db";
import { toFailure } from "@/lib/errors";
import { LINK_REFUSALS } from "@/lib/prices/links";
import { confirmPrices } from "@/lib/prices/reminders";

/**
 * "Prices are still correct", from a price reminder email. No session: the link's token is the
 * authorization (sent to one owner, once, for a limited time), and `confirmPrices` checks it, that its
 * recipient still owns the listing, and spends it in the same transaction as the write.
 */
export async function confirmPricesAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  let slug: string;
  try {
    const r = await confirmPrices(getDb(), fd.get("token"));
    if (!r.ok) return { ok: false, message: LINK_REFUSALS[r.refusal] };
    slug = r.clinic.slug;
  } catch (err) {
    return toFailure(err, "confirm prices");
  }
  // The answer is a page of its own: the write expires the cached pages, so this one would be drawn
  // again, and with its link now spent it would say "already used" instead of thank you.
  redirect(`/verify-prices/done?c=${encodeURIComponent(slug)}`);
}
