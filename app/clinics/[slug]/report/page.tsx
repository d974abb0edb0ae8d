import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { SampleBadge } from "@/components/notices";
import { PatientReportForm } from "@/components/patient-reports/patient-report-form";
import { ROUTES } from "@/db/enum-values";
import { requireUserPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { COMMENT_STATUS_LABELS, ROUTE_LABELS } from "@/lib/labels";
import { getPublishedClinic } from "@/lib/listings/queries";
import { claimedSupports, COMMENT_MAX, latestStartMonth } from "@/lib/patient-reports/rules";
import { ownReport, reportRefusal } from "@/lib/patient-reports/service";
import { deletePatientReportAction, submitPatientReportAction } from "./actions";

export const metadata: Metadata = { title: "Report on your aftercare", robots: { index: false } };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const MONTH_NAMES = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

/** The months a report may name: from the latest allowed back ten years, newest first. */
function monthChoices(now: Date) {
  const [y, m] = latestStartMonth(now).split("-").map(Number) as [number, number];
  return Array.from({ length: 120 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return { value: d.toISOString().slice(0, 7), label: MONTH_NAMES.format(d) };
  });
}

/** "Report on your aftercare": a signed-in patient's report on one clinic (send, edit, delete). */
export default async function PatientReportPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = await searchParams;
  const actor = await requireUserPage(`/clinics/${slug}/report`);
  const clinic = await getPublishedClinic(slug);
  if (!clinic) notFound();
  const db = getDb();
  const refusal = await reportRefusal(db, actor, clinic);
  const mine = refusal ? null : await ownReport(db, actor, clinic.id);
  const supports = claimedSupports(clinic);
  const routes = (clinic.routes.length > 0 ? clinic.routes : ROUTES).map((r) => ({
    value: r,
    label: ROUTE_LABELS[r],
  }));
  return (
    <div className="max-w-3xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/clinics/${clinic.slug}`} className="inline-flex min-h-11 items-center">
          ← {clinic.name}
        </Link>
      </nav>
      <header className="space-y-2">
        <h1 className="text-3xl">Report on your aftercare</h1>
        <p className="text-muted">
          at {clinic.name}, {clinic.city}, {clinic.state}
          {clinic.dataSource === "sample" && (
            <>
              {" "}
              <SampleBadge />
            </>
          )}
        </p>
        <p className="max-w-prose">
          Tell other patients whether you got the aftercare this clinic lists. We never ask about diagnoses or
          your health, and you do not need to share any. Your report counts in the clinic’s figures at once;
          your name and email are never shown to anyone, the clinic included.
        </p>
      </header>
      {sp.saved === "1" && (
        <p role="status" className="rounded-md border border-accent-600 bg-accent-50 p-3 text-accent-800">
          Thank you. Your report is saved.
          {mine?.commentStatus === "pending" ? " Your comment will appear once an editor has read it." : ""}
        </p>
      )}
      {sp.deleted === "1" && !mine && (
        <p role="status" className="rounded-md border border-accent-600 bg-accent-50 p-3 text-accent-800">
          Your report is deleted. It no longer counts or shows anywhere.
        </p>
      )}
      {refusal ? (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
          {refusal}
        </p>
      ) : (
        <>
          {mine && (
            <section aria-labelledby="mine-title" className="card space-y-2" data-testid="own-report">
              <h2 id="mine-title" className="text-xl">
                Your report
              </h2>
              <p>
                Sent {mine.createdAt.toISOString().slice(0, 10)}
                {mine.updatedAt.getTime() - mine.createdAt.getTime() > 1000
                  ? `, last changed ${mine.updatedAt.toISOString().slice(0, 10)}`
                  : ""}
                . You can change it below or delete it at any time.
              </p>
              {mine.commentStatus && (
                <p data-testid="comment-status">Your comment: {COMMENT_STATUS_LABELS[mine.commentStatus]}</p>
              )}
              {mine.disputeStatus === "upheld" && (
                <p>The clinic disputed this report and our editors agreed, so it is not counted or shown.</p>
              )}
              <ActionForm
                action={deletePatientReportAction}
                hidden={{ reportId: mine.id, slug: clinic.slug }}
                submitLabel="Delete my report"
                variant="secondary"
              />
            </section>
          )}
          <PatientReportForm
            clinicId={clinic.id}
            slug={clinic.slug}
            supports={supports.map((s) => ({ key: s.key, label: s.label, question: s.question }))}
            routes={routes}
            months={monthChoices(new Date())}
            commentMax={COMMENT_MAX}
            initial={
              mine
                ? {
                    treatmentStart: mine.treatmentStart.slice(0, 7),
                    route: mine.route,
                    answers: mine.answers,
                    charged: mine.charged,
                    comment: mine.comment,
                  }
                : null
            }
            submit={submitPatientReportAction}
          />
        </>
      )}
    </div>
  );
}
