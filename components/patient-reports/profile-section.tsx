import Link from "@/components/link";
import { SampleBadge } from "@/components/notices";
import { Section } from "@/components/profile/facts";
import {
  commentByline,
  confirmationText,
  countsPublished,
  PUBLISH_MIN_REPORTS,
  supportConfirmed,
} from "@/lib/patient-reports/rules";
import type { PublicReports } from "@/lib/patient-reports/service";

const patients = (n: number) => `${n} patient${n === 1 ? "" : "s"}`;

/**
 * "What patients say" on a profile: per-support counts once the clinic has enough published reports,
 * the comments editors approved (signed with the treatment year only) and the clinic's replies.
 */
export function PatientReportsSection({
  slug,
  confirmed,
  reports,
}: {
  slug: string;
  /** The stored "aftercare confirmed by patients" flag. */
  confirmed: boolean;
  reports: PublicReports;
}) {
  const { tally, comments } = reports;
  const shown = countsPublished(tally.reports);
  return (
    <Section
      id="patients"
      title="What patients say"
      intro="Patients who were treated here tell us whether they got the aftercare this listing claims. We ask no health questions."
    >
      {reports.sample && (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <SampleBadge /> These reports are made up to show how patient reports look.
        </p>
      )}
      {tally.reports === 0 ? (
        <p>No patient has reported on this clinic yet.</p>
      ) : !shown ? (
        <p data-testid="report-count">
          {patients(tally.reports)} reported so far. We show what patients confirmed once{" "}
          {PUBLISH_MIN_REPORTS} have reported.
        </p>
      ) : (
        <>
          {confirmed && (
            <p className="font-semibold text-accent-800" data-testid="patient-confirmed">
              Aftercare confirmed by patients
            </p>
          )}
          <ul className="space-y-1" data-testid="confirmation-counts">
            {tally.supports.map((t) => (
              <li key={t.support.key}>
                {confirmationText(t)}
                {supportConfirmed(t) ? "" : t.asked > 0 ? " (not confirmed)" : ""}
              </li>
            ))}
            <li>
              Charged what the listing says: {tally.charged.yes} of {patients(tally.reports)}
              {tally.charged.more > 0 ? ` (${tally.charged.more} charged more)` : ""}
            </li>
          </ul>
          <p className="text-sm text-muted">
            From {patients(tally.reports)}. A support counts as confirmed when at least two in three of the
            patients asked about it got it.
          </p>
        </>
      )}
      {comments.length > 0 && (
        <div className="space-y-3">
          <h3 className="text-lg font-semibold">Comments</h3>
          {comments.map((c) => (
            <figure
              key={c.id}
              className="space-y-2 border-l-4 border-line pl-3"
              data-testid="patient-comment"
            >
              <blockquote className="whitespace-pre-line break-words">{c.comment}</blockquote>
              <figcaption className="text-sm text-muted">
                {commentByline(c.treatmentStart)}
                {c.sample ? " (fictional sample)" : ""}
              </figcaption>
              {c.reply && (
                <div className="rounded-md bg-accent-50 px-3 py-2" data-testid="clinic-reply">
                  <p className="text-sm font-medium">The clinic replied</p>
                  <p className="whitespace-pre-line break-words">{c.reply}</p>
                </div>
              )}
            </figure>
          ))}
        </div>
      )}
      <p className="no-print">
        <Link href={`/clinics/${slug}/report`} className="inline-flex min-h-11 items-center font-medium">
          Report on your aftercare
        </Link>
      </p>
    </Section>
  );
}
