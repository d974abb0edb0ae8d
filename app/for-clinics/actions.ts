"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db";
import type { ActionState } from "@/components/action-form";
import { currentActor } from "@/lib/auth/session";
import { submitClaim } from "@/lib/claims/service";
import { toFailure } from "@/lib/errors";
import { appMailer, siteUrl } from "@/lib/mail/app";

/** "Claim this listing": a thin wrapper; `submitClaim` authenticates, validates and decides. */
export async function submitClaimAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  try {
    const actor = await currentActor();
    const r = await submitClaim({ db: getDb(), mailer: appMailer(), siteUrl }, actor, {
      clinicId: fd.get("clinicId"),
    });
    revalidatePath("/dashboard");
    return r.status === "approved"
      ? {
          ok: true,
          message:
            "Approved: your email address is at the clinic's website domain, so you are now the listing's owner. Open “My listings” to edit it.",
        }
      : {
          ok: true,
          message:
            "Thank you. Your email address is not at the clinic's website domain, so our editors will check your claim by hand. We will email you when it is decided.",
        };
  } catch (err) {
    return toFailure(err, "claim");
  }
}
