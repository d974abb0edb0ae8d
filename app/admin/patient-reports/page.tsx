import type { Metadata } from "next";
import Link from "@/components/link";
import { ActionForm, ActionHost } from "@/components/action-form";
import { QueueHeader } from "@/components/admin/queue-header";
import { ReportAnswers } from "@/components/patient-reports/report-answers";
import { requireAdminPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { dateShort } from "@/lib/format";
import { commentByline } from "@/lib/patient-reports/rules";
import { patientReportQueue } from "@/lib/patient-reports/service";
import { decidePatientReportAction } from "../actions";

export const metadata: Metadata = { title: "Patient reports", robots: { index: false } };

/** The editors' queue of patient reports: comments to publish or reject, and clinics' disputes. */
export default async function PatientReportsQueuePage() {
  const actor = await requireAdminPage("/admin/patient-reports");
  const items = await patientReportQueue(getDb(), actor);
  return (
    <div className="space-y-6">
      <QueueHeader title="Patient reports" count={items.length}>
        Comments wait here until you publish or reject them (a report’s answers count at once). A clinic that
        disputes a report puts it here with its reason: upholding the dispute takes the report out of every
        count and page. Authors are never named, here or anywhere.
      </QueueHeader>
      <ActionHost action={decidePatientReportAction}>
        {items.length === 0 ? (
          <p className="card">Nothing is waiting.</p>
        ) : (
          <ul className="space-y-4">
            {items.map((r) => (
              <li key={r.id} className="card space-y-3" data-testid="patient-report-item">
                <div>
                  <h2 className="text-xl">
                    {r.disputeStatus === "open" ? "Disputed report" : "Comment to review"}:{" "}
                    <Link href={`/clinics/${r.clinic.slug}`}>{r.clinic.name}</Link>
                  </h2>
                  <p className="text-sm text-muted">
                    {commentByline(r.treatmentStart)} · last changed {dateShort(r.updatedAt)}
                  </p>
                </div>
                <ReportAnswers report={r} />
                {r.comment ? (
                  <blockquote
                    className="whitespace-pre-line break-words border-l-4 border-line pl-3"
                    data-testid="queue-comment"
                  >
                    {r.comment}
                  </blockquote>
                ) : (
                  <p className="text-sm text-muted">No comment.</p>
                )}
                {r.commentStatus === "pending" && (
                  <div className="flex flex-wrap gap-3">
                    <ActionForm
                      action={decidePatientReportAction}
                      hidden={{ reportId: r.id, subject: "comment", decision: "approved" }}
                      submitLabel="Publish the comment"
                    />
                    <ActionForm
                      action={decidePatientReportAction}
                      hidden={{ reportId: r.id, subject: "comment", decision: "rejected" }}
                      submitLabel="Reject the comment"
                      variant="secondary"
                    />
                  </div>
                )}
                {r.disputeStatus === "open" && (
                  <section aria-label="The clinic's side" className="space-y-2">
                    <h3 className="font-semibold">The clinic’s side</h3>
                    <blockquote
                      className="whitespace-pre-line break-words border-l-4 border-notice-line pl-3"
                      data-testid="dispute-reason"
                    >
                      {r.disputeReason}
                    </blockquote>
                    <div className="flex flex-wrap gap-3">
                      <ActionForm
                        action={decidePatientReportAction}
                        hidden={{ reportId: r.id, subject: "dispute", decision: "upheld" }}
                        submitLabel="Uphold: remove the report"
                        variant="secondary"
                      />
                      <ActionForm
                        action={decidePatientReportAction}
                        hidden={{ reportId: r.id, subject: "dispute", decision: "dismissed" }}
                        submitLabel="Dismiss: the report stands"
                        variant="secondary"
                      />
                    </div>
                  </section>
                )}
              </li>
            ))}
          </ul>
        )}
      </ActionHost>
    </div>
  );
}
