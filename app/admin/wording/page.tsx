import type { Metadata } from "next";
import Link from "@/components/link";
import { ActionForm, ActionHost } from "@/components/action-form";
import { QueueHeader } from "@/components/admin/queue-header";
import { ClaimReasons, FlaggedText } from "@/components/wording/flagged-text";
import { getDb } from "@/lib/db";
import { requireAdminPage } from "@/lib/auth/session";
import { dateShort } from "@/lib/format";
import { LISTING_STATUS_LABELS } from "@/lib/labels";
import { fieldLabel } from "@/lib/listings/fields";
import { CHECKED_FIELDS } from "@/lib/wording/misleading-claims";
import { pendingWordingReviews } from "@/lib/wording/reviews";
import { decideWordingReviewAction } from "../actions";

export const metadata: Metadata = { title: "Wording review", robots: { index: false } };

/**
 * The editors' queue of listings saved (or imported) with words from the list of misleading claims.
 * They are live; an editor either accepts the wording or edits the listing (a save without the
 * words clears the review by itself).
 */
export default async function WordingReviewPage() {
  const actor = await requireAdminPage("/admin/wording");
  const reviews = await pendingWordingReviews(getDb(), actor);
  return (
    <div className="space-y-6">
      <QueueHeader title="Wording review" count={reviews.length}>
        These listings use words from the list of claims a ketamine clinic must not make. They are live.
        Accept the wording when it is fine in context (“there is no cure for…”), or edit the listing: a save
        without the words takes it off this list.
      </QueueHeader>
      <ActionHost action={decideWordingReviewAction}>
        {reviews.length === 0 ? (
          <p className="card">No listing is waiting.</p>
        ) : (
          <ul className="space-y-4">
            {reviews.map((r) => (
              <li key={r.id} className="card space-y-3" data-testid="wording-review">
                <div>
                  <h2 className="text-xl">{r.clinic.name}</h2>
                  <p className="text-sm text-muted">
                    {r.clinic.city}, {r.clinic.state} · {LISTING_STATUS_LABELS[r.clinic.status]} · saved{" "}
                    {dateShort(r.updatedAt)} by {r.savedBy ?? "an import or the system"}
                  </p>
                  <p className="flex flex-wrap gap-x-4 text-sm">
                    <Link
                      className="inline-flex min-h-11 items-center"
                      href={`/dashboard/listings/${r.clinic.id}`}
                    >
                      Edit<span className="sr-only"> {r.clinic.name}</span>
                    </Link>
                    {r.clinic.status === "published" && (
                      <Link className="inline-flex min-h-11 items-center" href={`/clinics/${r.clinic.slug}`}>
                        Public page<span className="sr-only"> of {r.clinic.name}</span>
                      </Link>
                    )}
                  </p>
                </div>
                {r.matches.length === 0 ? (
                  <p className="text-sm">The flagged words are no longer in the listing.</p>
                ) : (
                  <dl className="space-y-2">
                    {CHECKED_FIELDS.filter((f) => r.matches.some((m) => m.field === f)).map((f) => (
                      <div key={f}>
                        <dt className="font-medium">{fieldLabel(f)}</dt>
                        <dd className="whitespace-pre-line break-words" data-testid={`flagged-${f}`}>
                          <FlaggedText text={r.clinic[f]} matches={r.matches.filter((m) => m.field === f)} />
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
                <ClaimReasons matches={r.matches} />
                <ActionForm
                  action={decideWordingReviewAction}
                  hidden={{ reviewId: r.id, decision: "approved" }}
                  submitLabel="The wording is fine as written"
                  variant="secondary"
                />
              </li>
            ))}
          </ul>
        )}
      </ActionHost>
    </div>
  );
}
