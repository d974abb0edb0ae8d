import type { Metadata } from "next";
import Link from "@/components/link";
import { ActionForm, ActionHost } from "@/components/action-form";
import { QueueHeader } from "@/components/admin/queue-header";
import { getDb } from "@/lib/db";
import { PROBLEM_RESOLUTIONS } from "@/db/enum-values";
import { requireAdminPage } from "@/lib/auth/session";
import { dateShort, usdRange } from "@/lib/format";
import { LISTING_STATUS_LABELS, PROBLEM_REASON_LABELS, PROBLEM_RESOLUTION_LABELS } from "@/lib/labels";
import { openProblemReports } from "@/lib/reports/problems";
import { resolveProblemReportAction } from "../actions";

export const metadata: Metadata = { title: "Reported problems", robots: { index: false } };

/** The editors' queue of "Report a problem with this listing", each next to the listing as it is now. */
export default async function ProblemReportsPage() {
  const actor = await requireAdminPage("/admin/reports");
  const reports = await openProblemReports(getDb(), actor);
  return (
    <div className="space-y-6">
      <QueueHeader title="Reported problems" count={reports.length}>
        Sent by visitors from the listings’ pages, without signing in. The listing’s people were emailed when
        each came in. When you resolve one, a reporter who left an email is told the outcome, and their email
        is deleted.
      </QueueHeader>
      <ActionHost action={resolveProblemReportAction}>
        {reports.length === 0 ? (
          <p className="card">No report is open.</p>
        ) : (
          <ul className="space-y-4">
            {reports.map((r) => {
              const c = r.clinic;
              const changedSince = c.updatedAt > r.createdAt;
              return (
                <li key={r.id} className="card space-y-3" data-testid="problem-report">
                  <div>
                    <h2 className="text-xl">{PROBLEM_REASON_LABELS[r.reason]}</h2>
                    <p className="text-sm text-muted">
                      Reported {dateShort(r.createdAt)} ·{" "}
                      {r.hasEmail ? "the reporter left an email for the outcome" : "no email left"}
                    </p>
                  </div>
                  {r.details ? (
                    <blockquote
                      className="whitespace-pre-line break-words border-l-4 border-line pl-3"
                      data-testid="problem-details"
                    >
                      {r.details}
                    </blockquote>
                  ) : (
                    <p className="text-sm text-muted">No details given.</p>
                  )}
                  <section aria-label={`${c.name} as listed now`} className="space-y-1">
                    <h3 className="font-semibold">
                      {c.name}{" "}
                      <span className="font-normal text-muted">
                        · {LISTING_STATUS_LABELS[c.status]}
                        {changedSince ? " · edited since the report" : ""}
                      </span>
                    </h3>
                    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
                      <dt className="font-medium">Address</dt>
                      <dd>{[c.street, `${c.city}, ${c.state}`].filter(Boolean).join(", ")}</dd>
                      <dt className="font-medium">Phone</dt>
                      <dd>{c.phone ?? "—"}</dd>
                      <dt className="font-medium">Website</dt>
                      <dd className="break-all">{c.website ?? "—"}</dd>
                      <dt className="font-medium">Per session</dt>
                      <dd className="num">{usdRange(c.sessionMin, c.sessionMax)}</dd>
                      <dt className="font-medium">Series</dt>
                      <dd className="num">
                        {usdRange(c.seriesMin, c.seriesMax)}
                        {c.seriesSessions ? ` for ${c.seriesSessions} sessions` : ""}
                      </dd>
                      <dt className="font-medium">Prices dated</dt>
                      <dd>{c.priceUpdatedAt ? dateShort(c.priceUpdatedAt) : "not dated"}</dd>
                    </dl>
                    <p className="flex flex-wrap gap-x-4 text-sm">
                      <Link
                        className="inline-flex min-h-11 items-center"
                        href={`/dashboard/listings/${c.id}`}
                      >
                        Edit<span className="sr-only"> {c.name}</span>
                      </Link>
                      <Link className="inline-flex min-h-11 items-center" href={`/clinics/${c.slug}`}>
                        Public page<span className="sr-only"> of {c.name}</span>
                      </Link>
                    </p>
                  </section>
                  <ActionForm
                    action={resolveProblemReportAction}
                    hidden={{ reportId: r.id }}
                    submitLabel="Resolve"
                    variant="secondary"
                  >
                    <fieldset className="space-y-1">
                      <legend className="font-medium">How was it resolved?</legend>
                      {PROBLEM_RESOLUTIONS.map((res) => (
                        <label key={res} className="flex min-h-11 items-center gap-3">
                          <input
                            type="radio"
                            name="resolution"
                            value={res}
                            required
                            className="h-5 w-5 shrink-0"
                          />
                          <span>{PROBLEM_RESOLUTION_LABELS[res]}</span>
                        </label>
                      ))}
                    </fieldset>
                    <label htmlFor={`note-${r.id}`} className="block text-sm font-medium">
                      Note to the reporter (optional)
                    </label>
                    <textarea
                      id={`note-${r.id}`}
                      name="note"
                      rows={2}
                      maxLength={1000}
                      className="block w-full rounded-md border border-muted px-3 py-2"
                    />
                  </ActionForm>
                </li>
              );
            })}
          </ul>
        )}
      </ActionHost>
    </div>
  );
}
