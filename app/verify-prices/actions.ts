"use server";

import type { ActionState } from "@/components/action-form";
import { getDb } from "@/lib/db";
import { toFailure } from "@/lib/errors";
import { dateShort } from "@/lib/format";
import { LINK_REFUSALS } from "@/lib/prices/links";
import { confirmPrices } from "@/lib/prices/reminders";

/**
 * "Prices are still correct", from a price reminder email. No session: the link's token is the
 * authorization (sent to one owner, once, for a limited time), and `confirmPrices` checks it, that its
 * recipient still owns the listing, and spends it in the same transaction as the write.
 */
export async function confirmPricesAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  try {
    const r = await confirmPrices(getDb(), fd.get("token"));
    if (!r.ok) return { ok: false, message: LINK_REFUSALS[r.refusal] };
    // No revalidatePath: it would re-render this page, which then shows the spent link instead of this
    // answer. The write itself expires the cached pages and figures (`updateListing`).
    return {
      ok: true,
      message: `Thank you. The prices of “${r.clinic.name}” now show as checked on ${dateShort(r.clinic.priceUpdatedAt ?? new Date())}.`,
    };
  } catch (err) {
    return toFailure(err, "confirm prices");
  }
}
