import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { requireAdminPage } from "@/lib/auth/session";
import { count, counted, percent } from "@/lib/format";
import { IMPORT_STATUS_LABELS } from "@/lib/labels";
import { getImportJob } from "@/lib/listings/import";

export const metadata: Metadata = { title: "Import progress", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ jobId: string }> };

/** Progress of one import. While it runs, the page reloads itself every second (no JavaScript needed). */
export default async function ImportJobPage({ params }: Props) {
  const { jobId } = await params;
  const actor = await requireAdminPage(`/admin/import/${jobId}`);
  if (!z.uuid().safeParse(jobId).success) notFound();
  const job = await getImportJob(getDb(), actor, jobId);
  if (!job) notFound();
  const running = job.status === "queued" || job.status === "running";
  return (
    <div className="max-w-2xl space-y-4">
      {running && <meta httpEquiv="refresh" content="1" />}
      <p className="text-sm">
        <Link className="inline-flex min-h-11 items-center" href="/admin/import">
          ← Import
        </Link>
      </p>
      <h1 className="text-3xl">Import of {job.fileName}</h1>
      <p role="status" data-testid="import-status" data-status={job.status} className="text-lg">
        {IMPORT_STATUS_LABELS[job.status]}
        {job.status === "done" &&
          `: ${counted(job.total, "listing")} added. They reach search within seconds.`}
      </p>
      {job.status === "done" && job.flagged > 0 && (
        <p className="rounded-md border border-notice-line bg-notice p-3" data-testid="import-flagged">
          {count(job.flagged)} of them use words from the list of misleading claims. They are live and waiting
          in the <Link href="/admin/wording">wording review queue</Link>.
        </p>
      )}
      <div className="space-y-1">
        <label htmlFor="progress" className="block">
          {count(job.processed)} of {count(job.total)} rows written
          {job.total > 0 ? ` (${percent(job.processed / job.total)})` : ""}
        </label>
        <progress id="progress" className="h-4 w-full" max={job.total} value={job.processed} />
        {running && (
          <p className="text-sm text-muted">
            All rows are saved together at the end; until then nothing is live.
          </p>
        )}
      </div>
      {job.error && (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
          {job.error}
        </p>
      )}
    </div>
  );
}
