"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionState } from "@/components/action-form";
import type { PatientReportState } from "@/components/patient-reports/patient-report-form";
import { clientAddress } from "@/lib/auth/client-address";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { toFailure } from "@/lib/errors";
import { deletePatientReport, submitPatientReport } from "@/lib/patient-reports/service";

/** The patient's report form and its delete button (the checks are in lib/patient-reports/service.ts). */

const str = (fd: FormData, key: string) => {
  const v = fd.get(key);
  return typeof v === "string" ? v : undefined;
};

/** Where the form goes after a save; only a slug-shaped path segment (never a URL) is used. */
const reportPath = (slug: string | undefined) =>
  `/clinics/${encodeURIComponent((slug ?? "").replace(/[^a-z0-9-]/g, ""))}/report`;

export async function submitPatientReportAction(
  _prev: PatientReportState,
  fd: FormData,
): Promise<PatientReportState> {
  const answers: Record<string, string> = {};
  for (const [k, v] of fd.entries())
    if (k.startsWith("answers.") && typeof v === "string") answers[k.slice("answers.".length)] = v;
  const input = {
    clinicId: str(fd, "clinicId"),
    treatmentStart: str(fd, "treatmentStart"),
    route: str(fd, "route"),
    answers,
    charged: str(fd, "charged"),
    comment: str(fd, "comment") ?? "",
  };
  try {
    const actor = await currentActor();
    const ip = clientAddress(await headers(), serverEnv().TRUST_PROXY_HOPS);
    const r = await submitPatientReport({ db: getDb() }, actor, { ip }, input);
    if (!r.ok) return { ok: false, message: r.message, errors: r.errors };
  } catch (err) {
    return toFailure(err, "patient report");
  }
  redirect(`${reportPath(str(fd, "slug"))}?saved=1`);
}

export async function deletePatientReportAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  try {
    const actor = await currentActor();
    await deletePatientReport({ db: getDb() }, actor, { reportId: str(fd, "reportId") });
  } catch (err) {
    return toFailure(err, "delete patient report");
  }
  redirect(`${reportPath(str(fd, "slug"))}?deleted=1`);
}
