"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { getDb } from "@/lib/db";
import type { ActionState } from "@/components/action-form";
import type { SaveResponse } from "@/components/listings/listing-editor";
import { rebuildSearch } from "@/lib/admin/search";
import { currentActor } from "@/lib/auth/session";
import { decideClaim } from "@/lib/claims/service";
import { toFailure } from "@/lib/errors";
import { runImport, startImport, type ImportIssue } from "@/lib/listings/import";
import { createListingAsAdmin, markVerified, setListingStatus } from "@/lib/listings/moderation";
import { appMailer, siteUrl } from "@/lib/mail/app";
import { adminClient, indexName } from "@/lib/search/server";
import { count } from "@/lib/format";
import { decideWordingReview } from "@/lib/wording/reviews";
import { resolveProblemReport } from "@/lib/reports/problems";
import { decideComment, decideDispute } from "@/lib/patient-reports/service";

/**
 * Admin server actions: thin wrappers; the domain functions check the actor is an admin first. As in
 * app/dashboard/actions.ts, the actor lookup is inside `try`, so every failure is an answer, not a throw.
 */

const str = (fd: FormData, key: string) => {
  const v = fd.get(key);
  return typeof v === "string" ? v : undefined;
};

export async function decideClaimAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  try {
    const actor = await currentActor();
    const r = await decideClaim({ db: getDb(), mailer: appMailer(), siteUrl }, actor, {
      claimId: str(fd, "claimId"),
      decision: str(fd, "decision"),
      note: str(fd, "note") ?? "",
    });
    revalidatePath("/admin");
    return {
      ok: true,
      message: `Claim ${r.status}.${r.emailed ? " We emailed the person." : " The email could not be sent."}`,
    };
  } catch (err) {
    return toFailure(err, "decide claim");
  }
}

export async function decideWordingReviewAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  try {
    const actor = await currentActor();
    await decideWordingReview(getDb(), actor, {
      reviewId: str(fd, "reviewId"),
      decision: str(fd, "decision"),
    });
    revalidatePath("/admin/wording");
    return { ok: true, message: "Accepted. The listing is off the list." };
  } catch (err) {
    return toFailure(err, "decide wording review");
  }
}

export async function resolveProblemReportAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  try {
    const actor = await currentActor();
    const r = await resolveProblemReport({ db: getDb(), mailer: appMailer(), siteUrl }, actor, {
      reportId: str(fd, "reportId"),
      resolution: str(fd, "resolution"),
      note: str(fd, "note") ?? "",
    });
    revalidatePath("/admin/reports");
    return { ok: true, message: `Resolved.${r.emailed ? " We emailed the reporter." : ""}` };
  } catch (err) {
    return toFailure(err, "resolve problem report");
  }
}

/**
 * An editor's decision on a patient report: publish or reject its comment (`subject=comment`), uphold
 * or dismiss a clinic's dispute (`subject=dispute`). One action, so the queue's `ActionHost` can show
 * the answer after the decided report leaves the list.
 */
export async function decidePatientReportAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  try {
    const actor = await currentActor();
    const subject = str(fd, "subject");
    const decision = str(fd, "decision");
    const input = { reportId: str(fd, "reportId"), decision };
    if (subject === "comment") {
      await decideComment({ db: getDb() }, actor, input);
      revalidatePath("/admin/patient-reports");
      return {
        ok: true,
        message: decision === "approved" ? "Published." : "Rejected: it stays unpublished.",
      };
    }
    if (subject === "dispute") {
      await decideDispute({ db: getDb() }, actor, input);
      revalidatePath("/admin/patient-reports");
      return {
        ok: true,
        message: decision === "upheld" ? "Upheld: the report no longer counts or shows." : "Dismissed.",
      };
    }
    return { ok: false, message: "Choose what to decide: the comment or the dispute." };
  } catch (err) {
    return toFailure(err, "decide patient report");
  }
}

export async function setStatusAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  try {
    const actor = await currentActor();
    const r = await setListingStatus(getDb(), actor, {
      id: str(fd, "id"),
      version: str(fd, "version"),
      status: str(fd, "status"),
    });
    if (!r.ok) return { ok: false, message: r.message };
    revalidatePath("/admin");
    revalidatePath("/clinics/[slug]", "page");
    return {
      ok: true,
      message:
        str(fd, "status") === "suspended"
          ? "Hidden. It leaves search within seconds."
          : "Live again. It is back in search within seconds.",
    };
  } catch (err) {
    return toFailure(err, "set status");
  }
}

export async function markVerifiedAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  try {
    const actor = await currentActor();
    const r = await markVerified(getDb(), actor, {
      id: str(fd, "id"),
      version: str(fd, "version"),
      verifyPrices: fd.get("verifyPrices") === "on",
    });
    if (!r.ok) return { ok: false, message: r.message };
    revalidatePath("/admin");
    return { ok: true, message: "Marked as checked today." };
  } catch (err) {
    return toFailure(err, "mark verified");
  }
}

export async function rebuildSearchAction(_prev: ActionState, _fd: FormData): Promise<ActionState> {
  try {
    const actor = await currentActor();
    const r = await rebuildSearch({ db: getDb(), meili: adminClient(), indexName: indexName() }, actor);
    revalidatePath("/admin");
    return {
      ok: true,
      message: `Rebuilt the search index: ${count(r.documents)} listings in ${r.seconds} s.`,
    };
  } catch (err) {
    return toFailure(err, "rebuild search");
  }
}

/** The "create a listing" editor's save: `input` is `{ values, extra: { status } }` from the browser. */
export async function createListingAction(input: unknown): Promise<SaveResponse> {
  const o = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const extra = (typeof o.extra === "object" && o.extra !== null ? o.extra : {}) as Record<string, unknown>;
  let createdId: string;
  try {
    const actor = await currentActor();
    const r = await createListingAsAdmin(getDb(), actor, { values: o.values, status: extra.status });
    if (!r.ok) return r;
    createdId = r.id;
  } catch (err) {
    return toFailure(err, "create listing");
  }
  revalidatePath("/admin");
  redirect(`/dashboard/listings/${createdId}?created=1`);
}

export type ImportState = null | { ok: false; message: string; issues?: ImportIssue[]; more?: number };

/** Validates an uploaded CSV; when every row is valid, imports it in the background and returns the job. */
export async function startImportAction(_prev: ImportState, fd: FormData): Promise<ImportState> {
  const file = fd.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: "Choose a CSV file first." };
  let jobId: string;
  try {
    const actor = await currentActor();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const r = await startImport(getDb(), actor, { fileName: file.name, text: bytes });
    if (!r.ok)
      return {
        ok: false,
        message: r.message,
        issues: r.issues.slice(0, 200),
        more: Math.max(0, r.issues.length - 200),
      };
    const rows = r.rows ?? [];
    jobId = r.jobId;
    // The rows are written after the response, in one transaction; the job page shows progress.
    after(() => runImport(getDb(), actor, r.jobId, rows));
  } catch (err) {
    return toFailure(err, "import");
  }
  redirect(`/admin/import/${jobId}`);
}
