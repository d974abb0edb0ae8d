import type { Metadata } from "next";
import Link from "@/components/link";
import { ActionForm } from "@/components/action-form";
import { canManageMembers } from "@/lib/auth/authz";
import { dateShort } from "@/lib/format";
import { revisionsOf } from "@/lib/listings/account-queries";
import { fieldLabel, formatFieldValue } from "@/lib/listings/fields";
import { restoreRevisionAction } from "../../../actions";
import { editableListing } from "../editable";

export const metadata: Metadata = { title: "Listing history", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };
type Changes = Record<string, { before: unknown; after: unknown }>;

/** Columns not worth showing in the history (they follow from others). */
const HIDDEN = new Set(["lat", "lng", "createdAt", "updatedAt", "id", "version"]);

export default async function HistoryPage({ params }: Props) {
  const { id } = await params;
  const { actor, db, clinic } = await editableListing(id, `/dashboard/listings/${id}/history`);
  const [revisions, canRestore] = await Promise.all([revisionsOf(db, id), canManageMembers(db, actor, id)]);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link className="inline-flex min-h-11 items-center" href={`/dashboard/listings/${id}`}>
            ← Edit {clinic.name}
          </Link>
        </p>
        <h1 className="text-3xl">History of {clinic.name}</h1>
        <p className="text-muted">
          Every saved change, newest first: what changed, from what to what, who saved it and when.
          {canRestore
            ? " “Restore” puts the listing's details back as they were before a change. It saves a new change, so nothing is lost."
            : " Owners can restore earlier versions."}
        </p>
      </header>
      {revisions.length === 0 ? (
        <p className="card">No changes have been saved yet.</p>
      ) : (
        <ol className="space-y-4">
          {revisions.map((r) => {
            const changes = Object.entries(r.changes as Changes).filter(([f]) => !HIDDEN.has(f));
            const creation = r.note?.startsWith("Created") || r.note?.startsWith("Imported");
            return (
              <li key={r.id} className="card space-y-3" data-testid="revision">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="text-lg">
                    Change #{r.id}
                    {r.version ? <span className="text-muted"> · version {r.version}</span> : null}
                  </h2>
                  <p className="text-sm text-muted">
                    {dateShort(r.createdAt)} at {r.createdAt.toISOString().slice(11, 16)} UTC by{" "}
                    {r.email ?? "the system"}
                  </p>
                </div>
                {r.note && <p className="text-sm">{r.note}</p>}
                <div className="relative overflow-x-auto">
                  <table className="w-full text-left text-sm">
                    <caption className="sr-only">Fields changed in change #{r.id}</caption>
                    <thead>
                      <tr className="text-muted">
                        <th scope="col" className="py-1 pr-3 font-medium">
                          Field
                        </th>
                        <th scope="col" className="py-1 pr-3 font-medium">
                          Before
                        </th>
                        <th scope="col" className="py-1 font-medium">
                          After
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {changes.map(([field, c]) => (
                        <tr key={field} className="border-t border-line align-top">
                          <th scope="row" className="py-1 pr-3 font-medium">
                            {fieldLabel(field)}
                          </th>
                          <td className="max-w-xs whitespace-pre-wrap break-words py-1 pr-3">
                            {formatFieldValue(field, c.before)}
                          </td>
                          <td className="max-w-xs whitespace-pre-wrap break-words py-1">
                            {formatFieldValue(field, c.after)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {canRestore && !creation && (
                  <ActionForm
                    action={restoreRevisionAction}
                    hidden={{ id, version: clinic.version, revisionId: r.id }}
                    submitLabel={`Restore to before change #${r.id}`}
                    variant="secondary"
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
