"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db";
import type { ActionState } from "@/components/action-form";
import { currentActor } from "@/lib/auth/session";
import { inviteEditor, removeMember } from "@/lib/claims/service";
import { toFailure } from "@/lib/errors";
import { restoreRevision, saveListing, type SaveOutcome } from "@/lib/listings/edit";
import { disputeReport, replyToReport } from "@/lib/patient-reports/service";
import { appMailer, siteUrl } from "@/lib/mail/app";

/**
 * The dashboard's server actions: thin wrappers that find the actor of THIS request and hand the raw
 * input to the domain functions, which authorize, validate and write. Everything, the actor lookup
 * included, runs inside `try`: a failure (the database not answering too) comes back as an answer the
 * form shows in place, never as a thrown error that would replace the page and lose what was typed.
 */

export type EditorResult = SaveOutcome | { ok: false; code: string; message: string };

const formString = (fd: FormData, key: string) => {
  const v = fd.get(key);
  return typeof v === "string" ? v : undefined;
};

function refresh(clinicId: string) {
  revalidatePath(`/dashboard/listings/${clinicId}`);
  revalidatePath("/clinics/[slug]", "page");
}

/** Saves the listing editor. `input` is `{ id, version, values }` as the browser sent it: parsed, never trusted. */
export async function saveListingAction(input: unknown): Promise<EditorResult> {
  const o = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  try {
    const actor = await currentActor();
    const r = await saveListing(getDb(), actor, { id: o.id, version: o.version, values: o.values });
    if (r.ok && typeof o.id === "string") refresh(o.id);
    return r;
  } catch (err) {
    return toFailure(err, "save listing");
  }
}

export async function restoreRevisionAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const id = formString(fd, "id");
  try {
    const actor = await currentActor();
    const r = await restoreRevision(getDb(), actor, {
      id,
      version: formString(fd, "version"),
      revisionId: formString(fd, "revisionId"),
    });
    if (!r.ok) return { ok: false, message: r.message };
    if (id) {
      refresh(id);
      revalidatePath(`/dashboard/listings/${id}/history`);
    }
    return {
      ok: true,
      message: r.changed.length
        ? `Restored ${r.changed.length} field(s). This is now version ${r.version}.`
        : "Nothing to restore: the listing already matches.",
    };
  } catch (err) {
    return toFailure(err, "restore revision");
  }
}

const claimDeps = () => ({ db: getDb(), mailer: appMailer(), siteUrl });

export async function inviteEditorAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const clinicId = formString(fd, "clinicId");
  try {
    const actor = await currentActor();
    const r = await inviteEditor(claimDeps(), actor, { clinicId, email: formString(fd, "email") ?? "" });
    if (clinicId) refresh(clinicId);
    const who = formString(fd, "email");
    return {
      ok: true,
      message:
        (r.added
          ? `${who} can edit this listing now.`
          : `Invitation saved. ${who} can edit once they sign in.`) +
        (r.emailed ? " We emailed them." : " We could not send the email; tell them yourself."),
    };
  } catch (err) {
    return toFailure(err, "invite editor");
  }
}

export async function removeMemberAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const clinicId = formString(fd, "clinicId");
  const inviteId = formString(fd, "inviteId");
  try {
    const actor = await currentActor();
    const { email } = await removeMember(
      claimDeps(),
      actor,
      inviteId ? { clinicId, inviteId } : { clinicId, userId: formString(fd, "userId") },
    );
    if (clinicId) refresh(clinicId);
    return {
      ok: true,
      message: inviteId
        ? `Invitation for ${email} withdrawn.`
        : `Removed ${email}. They can no longer edit this listing.`,
    };
  } catch (err) {
    return toFailure(err, "remove member");
  }
}

/** The listing's one public reply to a patient's published comment. */
export async function replyToReportAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  try {
    const actor = await currentActor();
    await replyToReport({ db: getDb() }, actor, {
      reportId: formString(fd, "reportId"),
      reply: formString(fd, "reply"),
    });
    revalidatePath("/dashboard/listings/[id]/patient-reports", "page");
    return { ok: true, message: "Your reply is published under the comment." };
  } catch (err) {
    return toFailure(err, "reply to patient report");
  }
}

/** The listing disputes a patient's report (to the editors' queue, with its reason). */
export async function disputeReportAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  try {
    const actor = await currentActor();
    await disputeReport({ db: getDb() }, actor, {
      reportId: formString(fd, "reportId"),
      reason: formString(fd, "reason"),
    });
    revalidatePath("/dashboard/listings/[id]/patient-reports", "page");
    return {
      ok: true,
      message: "Sent to our editors with your reason. The report counts until they decide.",
    };
  } catch (err) {
    return toFailure(err, "dispute patient report");
  }
}
