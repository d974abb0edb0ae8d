"use server";

import { headers } from "next/headers";
import { getDb } from "@/lib/db";
import { clientAddress } from "@/lib/auth/client-address";
import { serverEnv } from "@/lib/env";
import { toFailure } from "@/lib/errors";
import { appMailer, siteUrl } from "@/lib/mail/app";
import { submitProblemReport } from "@/lib/reports/problems";
import { HONEYPOT_FIELD, type ProblemState } from "@/lib/reports/labels";

/** The profile's "Report a problem with this listing" form (no sign-in; lib/reports/problems.ts). */

export async function reportProblemAction(_prev: ProblemState, fd: FormData): Promise<ProblemState> {
  const str = (k: string) => {
    const v = fd.get(k);
    return typeof v === "string" ? v : undefined;
  };
  const input = {
    clinicId: str("clinicId"),
    reason: str("reason"),
    details: str("details") ?? "",
    email: str("email") ?? "",
    [HONEYPOT_FIELD]: str(HONEYPOT_FIELD) ?? "",
  };
  const values = { reason: input.reason ?? "", details: input.details, email: input.email };
  try {
    // The client's address from the connection (never from a header the client writes).
    const ip = clientAddress(await headers(), serverEnv().TRUST_PROXY_HOPS);
    const r = await submitProblemReport({ db: getDb(), mailer: appMailer(), siteUrl }, { ip }, input);
    if (!r.ok) return { ok: false, message: r.message, errors: r.errors, values };
    return {
      ok: true,
      message: `Thank you. Our editors will look at it${input.email.trim() ? " and email you the outcome" : ""}.`,
    };
  } catch (err) {
    return { ...toFailure(err, "report a problem"), values };
  }
}
