import type { Metadata } from "next";
import Link from "@/components/link";
import { z } from "zod";
import { ActionForm, ActionHost } from "@/components/action-form";
import { getDb } from "@/lib/db";
import { findListings, pendingClaims } from "@/lib/admin/queries";
import { searchSyncHealth } from "@/lib/admin/search";
import { requireAdminPage } from "@/lib/auth/session";
import { count, dateShort } from "@/lib/format";
import { CLAIM_METHOD_LABELS, LISTING_STATUS_LABELS, PRICE_SOURCE_LABELS } from "@/lib/labels";
import { adminClient, indexName } from "@/lib/search/server";
import { decideClaimAction, markVerifiedAction, rebuildSearchAction, setStatusAction } from "./actions";

export const metadata: Metadata = { title: "Admin", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const qSchema = z.string().trim().min(2).max(100);

export default async function AdminPage({ searchParams }: Props) {
  const actor = await requireAdminPage("/admin");
  const db = getDb();
  const q = qSchema.safeParse((await searchParams).q);
  const [claims, lag, found] = await Promise.all([
    pendingClaims(db, actor),
    searchSyncHealth({ db, meili: adminClient(), indexName: indexName() }, actor),
    q.success ? findListings(db, actor, q.data) : Promise.resolve(null),
  ]);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl">Admin</h1>
        <p className="flex flex-wrap gap-3">
          <Link className="btn-secondary" href="/admin/listings/new">
            Create a listing
          </Link>
          <Link className="btn-secondary" href="/admin/import">
            Import listings from a CSV file
          </Link>
          <Link className="btn-secondary" href="/admin/wording">
            Wording review
          </Link>
          <Link className="btn-secondary" href="/admin/reports">
            Reported problems
          </Link>
          <Link className="btn-secondary" href="/admin/patient-reports">
            Patient reports
          </Link>
        </p>
      </header>

      <section aria-labelledby="claims-h" className="space-y-3">
        <h2 id="claims-h" className="text-xl">
          Claims waiting for review <span className="num text-muted">({claims.length})</span>
        </h2>
        <ActionHost action={decideClaimAction}>
          {claims.length === 0 ? (
            <p className="card">No claims are waiting.</p>
          ) : (
            <ul className="space-y-3">
              {claims.map((c) => (
                <li key={c.id} className="card space-y-3" data-testid="pending-claim">
                  <div>
                    <p className="font-semibold">
                      {c.clinicName}{" "}
                      <span className="font-normal text-muted">
                        · {c.city}, {c.state}
                      </span>
                    </p>
                    <p className="text-sm">
                      By <strong>{c.email}</strong> on {dateShort(c.createdAt)} ·{" "}
                      {CLAIM_METHOD_LABELS[c.method]} · Website: {c.website ?? "none listed"}
                    </p>
                  </div>
                  <div className="grid gap-3 sm:grid-cols-2">
                    <ActionForm
                      action={decideClaimAction}
                      hidden={{ claimId: c.id, decision: "approve" }}
                      submitLabel="Approve"
                    >
                      <label htmlFor={`note-a-${c.id}`} className="block text-sm font-medium">
                        Note to the person (optional)
                      </label>
                      <input
                        id={`note-a-${c.id}`}
                        name="note"
                        className="block min-h-11 w-full rounded-md border border-muted px-3"
                      />
                    </ActionForm>
                    <ActionForm
                      action={decideClaimAction}
                      hidden={{ claimId: c.id, decision: "reject" }}
                      submitLabel="Reject"
                      variant="secondary"
                    >
                      <label htmlFor={`note-r-${c.id}`} className="block text-sm font-medium">
                        Why not (the person sees this)
                      </label>
                      <input
                        id={`note-r-${c.id}`}
                        name="note"
                        className="block min-h-11 w-full rounded-md border border-muted px-3"
                      />
                    </ActionForm>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </ActionHost>
      </section>

      <section aria-labelledby="listings-h" className="space-y-3">
        <h2 id="listings-h" className="text-xl">
          Find a listing to hide, show or mark as checked
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="q" className="block font-medium">
              Name or web address name
            </label>
            <input
              id="q"
              name="q"
              defaultValue={q.success ? q.data : ""}
              className="block min-h-11 w-72 max-w-full rounded-md border border-muted px-3"
            />
          </div>
          <button className="btn" type="submit">
            Find
          </button>
        </form>
        {found && found.length === 0 && (
          <p className="card">No listing matches “{q.success ? q.data : ""}”.</p>
        )}
        {found && found.length > 0 && (
          <ul className="space-y-3">
            {found.map((l) => (
              <li key={l.id} className="card space-y-3" data-testid="admin-listing">
                <div>
                  <p className="font-semibold">{l.name}</p>
                  <p className="text-sm text-muted">
                    {l.city}, {l.state} · {LISTING_STATUS_LABELS[l.status]} ·{" "}
                    {PRICE_SOURCE_LABELS[l.priceSource]} · Last checked:{" "}
                    {l.lastVerifiedAt ? dateShort(l.lastVerifiedAt) : "never"} · version {l.version}
                  </p>
                  <p className="flex flex-wrap gap-x-4 text-sm">
                    <Link className="inline-flex min-h-11 items-center" href={`/dashboard/listings/${l.id}`}>
                      Edit<span className="sr-only"> {l.name}</span>
                    </Link>
                    <Link
                      className="inline-flex min-h-11 items-center"
                      href={`/dashboard/listings/${l.id}/history`}
                    >
                      History<span className="sr-only"> of {l.name}</span>
                    </Link>
                    {l.status === "published" && (
                      <Link className="inline-flex min-h-11 items-center" href={`/clinics/${l.slug}`}>
                        Public page<span className="sr-only"> of {l.name}</span>
                      </Link>
                    )}
                  </p>
                </div>
                <div className="flex flex-wrap gap-4">
                  <ActionForm
                    action={setStatusAction}
                    hidden={{
                      id: l.id,
                      version: l.version,
                      status: l.status === "suspended" ? "published" : "suspended",
                    }}
                    submitLabel={l.status === "suspended" ? "Show again" : "Hide (suspend)"}
                    variant="secondary"
                  />
                  <ActionForm
                    action={markVerifiedAction}
                    hidden={{ id: l.id, version: l.version }}
                    submitLabel="Mark as checked today"
                    variant="secondary"
                  >
                    <label className="flex min-h-11 items-center gap-2 text-sm">
                      <input type="checkbox" name="verifyPrices" className="h-5 w-5" /> Prices checked too
                    </label>
                  </ActionForm>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="sync-h" className="card space-y-3">
        <h2 id="sync-h" className="text-xl">
          Search sync health
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt>Changes waiting for search</dt>
          <dd className="num" data-testid="outbox-pending">
            {count(lag.pending)}
          </dd>
          <dt>Oldest waiting</dt>
          <dd className="num">{lag.oldestPendingSeconds == null ? "—" : `${lag.oldestPendingSeconds} s`}</dd>
          <dt>Last error</dt>
          <dd className="break-words">{lag.lastError ?? "None"}</dd>
        </dl>
        <p className="text-sm text-muted">
          Changes reach search through a queue in the database, usually within a second. A rebuild copies
          every live listing into a fresh index and swaps it in; search keeps working meanwhile.
        </p>
        <ActionForm
          action={rebuildSearchAction}
          hidden={{}}
          submitLabel="Rebuild the search index"
          variant="secondary"
        />
      </section>
    </div>
  );
}
