import type { Metadata } from "next";
import Link from "@/components/link";
import { getDb } from "@/lib/db";
import { requireUserPage } from "@/lib/auth/session";
import { claimsOf } from "@/lib/claims/service";
import { dateShort } from "@/lib/format";
import { CLAIM_STATUS_LABELS, LISTING_STATUS_LABELS, MEMBER_ROLE_LABELS } from "@/lib/labels";
import { listingsOf } from "@/lib/listings/account-queries";

export const metadata: Metadata = { title: "My listings", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const actor = await requireUserPage("/dashboard");
  const db = getDb();
  const [listings, claims] = await Promise.all([listingsOf(db, actor.id), claimsOf(db, actor.id)]);
  const notice = (await searchParams).notice === "admin-only";
  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <h1 className="text-3xl">My listings</h1>
        <p className="text-muted">Signed in as {actor.email}.</p>
      </header>
      {notice && (
        <p role="alert" className="rounded-md border border-notice-line bg-notice p-3">
          That page is only for site editors.
        </p>
      )}
      <section aria-labelledby="listings-h" className="space-y-3">
        <h2 id="listings-h" className="text-xl">
          Listings you manage
        </h2>
        {listings.length === 0 ? (
          <div className="card space-y-2">
            <p>You do not manage any listing yet.</p>
            <p>
              Find your clinic and choose “Claim this listing”, or read{" "}
              <Link href="/for-clinics">how claiming works</Link>.
            </p>
          </div>
        ) : (
          <ul className="space-y-3">
            {listings.map((l) => (
              <li key={l.id} className="card flex flex-wrap items-center justify-between gap-3">
                <div>
                  <p className="font-semibold">{l.name}</p>
                  <p className="text-sm text-muted">
                    {l.city}, {l.state} · {LISTING_STATUS_LABELS[l.status]} · You are:{" "}
                    {MEMBER_ROLE_LABELS[l.role]} · Updated {dateShort(l.updatedAt)}
                  </p>
                </div>
                <div className="flex flex-wrap gap-2">
                  <Link className="btn" href={`/dashboard/listings/${l.id}`}>
                    Edit<span className="sr-only"> {l.name}</span>
                  </Link>
                  <Link className="btn-secondary" href={`/dashboard/listings/${l.id}/history`}>
                    History<span className="sr-only"> of {l.name}</span>
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      {claims.length > 0 && (
        <section aria-labelledby="claims-h" className="space-y-3">
          <h2 id="claims-h" className="text-xl">
            Your claims
          </h2>
          <ul className="space-y-2">
            {claims.map((c) => (
              <li key={c.id} className="card">
                <p>
                  <span className="font-semibold">{c.clinicName}</span> — {CLAIM_STATUS_LABELS[c.status]}{" "}
                  (asked {dateShort(c.createdAt)})
                </p>
                {c.note && c.status !== "pending" && <p className="text-sm text-muted">Note: {c.note}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
