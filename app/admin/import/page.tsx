import type { Metadata } from "next";
import Link from "@/components/link";
import { getDb } from "@/lib/db";
import { recentImports } from "@/lib/admin/queries";
import { requireAdminPage } from "@/lib/auth/session";
import { count, dateShort } from "@/lib/format";
import { IMPORT_STATUS_LABELS } from "@/lib/labels";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import listings", robots: { index: false } };

export default async function ImportPage() {
  const actor = await requireAdminPage("/admin/import");
  const jobs = await recentImports(getDb(), actor);
  return (
    <div className="max-w-3xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link className="inline-flex min-h-11 items-center" href="/admin">
            ← Admin
          </Link>
        </p>
        <h1 className="text-3xl">Import listings from a CSV file</h1>
        <p>
          Each row becomes a new live listing marked “from a public list”. Every row is checked with the same
          rules as the listing editor. If any row has a problem, nothing is imported and you get a list of
          problems by row and column.
        </p>
        <p>
          Use the column names from the <a href="/admin/import/template.csv">template</a>. Only{" "}
          <code>name</code>, <code>city</code>, <code>state</code> and <code>routes</code> are required; leave
          out the columns you do not have. Write prices in dollars, tick boxes as yes or no, and lists with
          semicolons (for example <code>iv_infusion; im_injection</code>).
        </p>
      </header>
      <ImportForm />
      {jobs.length > 0 && (
        <section aria-labelledby="recent-h" className="space-y-2">
          <h2 id="recent-h" className="text-xl">
            Recent imports
          </h2>
          <ul className="space-y-1">
            {jobs.map((j) => (
              <li key={j.id}>
                <Link href={`/admin/import/${j.id}`}>{j.fileName}</Link> — {IMPORT_STATUS_LABELS[j.status]},{" "}
                {count(j.total)} rows, {dateShort(j.createdAt)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
