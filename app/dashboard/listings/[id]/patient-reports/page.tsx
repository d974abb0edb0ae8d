import type { Metadata } from "next";
import Link from "@/components/link";
import { ActionForm } from "@/components/action-form";
import { SampleBadge } from "@/components/notices";
import { ReportAnswers } from "@/components/patient-reports/report-answers";
import { COMMENT_STATUS_LABELS, DISPUTE_STATUS_LABELS } from "@/lib/labels";
import { CLINIC_TEXT_MAX, commentByline } from "@/lib/patient-reports/rules";
import { reportsForListing } from "@/lib/patient-reports/service";
import { disputeReportAction, replyToReportAction } from "../../../actions";
import { editableListing } from "../editable";

export const metadata: Metadata = { title: "Patient reports", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

/** A listing's patient reports, for its members: reply once to a published comment, or dispute a report. */
export default async function ListingPatientReportsPage({ params }: Props) {
  const { id } = await params;
  const { actor, db, clinic } = await editableListing(id, `/dashboard/listings/${id}/patient-reports`);
  const reports = await reportsForListing(db, actor, id);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link className="inline-flex min-h-11 items-center" href={`/dashboard/listings/${id}`}>
            ← Edit {clinic.name}
          </Link>
        </p>
        <h1 className="text-3xl">
          Patient reports on {clinic.name} <span className="num text-muted">({reports.length})</span>
        </h1>
        <p className="max-w-prose text-muted">
          Patients tell us whether they got the aftercare your listing claims. You never see who wrote a
          report. You may post one public reply under each published comment, or dispute a report you believe
          is wrong: our editors see both sides and decide.
        </p>
      </header>
      {reports.length === 0 ? (
        <p className="card">No patient has reported on this listing yet.</p>
      ) : (
        <ul className="space-y-4">
          {reports.map((r) => (
            <li key={r.id} className="card space-y-3" data-testid="listing-patient-report">
              <p className="text-sm text-muted">
                {commentByline(r.treatmentStart)} · sent {r.createdAt.toISOString().slice(0, 10)}
                {r.sample && (
                  <>
                    {" "}
                    <SampleBadge />
                  </>
                )}
              </p>
              <ReportAnswers report={r} />
              {r.comment && (
                <div className="space-y-1">
                  <blockquote className="whitespace-pre-line break-words border-l-4 border-line pl-3">
                    {r.comment}
                  </blockquote>
                  {r.commentStatus && (
                    <p className="text-sm text-muted">Comment: {COMMENT_STATUS_LABELS[r.commentStatus]}</p>
                  )}
                </div>
              )}
              {r.reply && (
                <div className="rounded-md bg-accent-50 px-3 py-2">
                  <p className="text-sm font-medium">Your reply</p>
                  <p className="whitespace-pre-line break-words">{r.reply}</p>
                </div>
              )}
              {r.commentStatus === "approved" && !r.reply && (
                <ActionForm
                  action={replyToReportAction}
                  hidden={{ reportId: r.id }}
                  submitLabel="Publish the reply"
                  variant="secondary"
                >
                  <label htmlFor={`reply-${r.id}`} className="block text-sm font-medium">
                    Your public reply (one per comment)
                  </label>
                  <textarea
                    id={`reply-${r.id}`}
                    name="reply"
                    rows={3}
                    required
                    maxLength={CLINIC_TEXT_MAX}
                    className="block w-full rounded-md border border-muted px-3 py-2"
                  />
                </ActionForm>
              )}
              {r.disputeStatus ? (
                <p className="text-sm">
                  {DISPUTE_STATUS_LABELS[r.disputeStatus]}. Your reason:{" "}
                  <span className="whitespace-pre-line break-words">{r.disputeReason}</span>
                </p>
              ) : (
                <details>
                  <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium">
                    Dispute this report
                  </summary>
                  <ActionForm
                    action={disputeReportAction}
                    hidden={{ reportId: r.id }}
                    submitLabel="Send the dispute to the editors"
                    variant="secondary"
                  >
                    <label htmlFor={`dispute-${r.id}`} className="block text-sm font-medium">
                      Why is this report wrong?
                    </label>
                    <textarea
                      id={`dispute-${r.id}`}
                      name="reason"
                      rows={3}
                      required
                      maxLength={CLINIC_TEXT_MAX}
                      className="block w-full rounded-md border border-muted px-3 py-2"
                    />
                  </ActionForm>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
