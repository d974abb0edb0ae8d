import type { Metadata } from "next";
import Link from "@/components/link";
import { ActionForm, ActionHost } from "@/components/action-form";
import { SampleBadge } from "@/components/notices";
import { getDb } from "@/lib/db";
import { canManageMembers } from "@/lib/auth/authz";
import { dateShort } from "@/lib/format";
import { LISTING_STATUS_LABELS, MEMBER_ROLE_LABELS, PRICE_SOURCE_LABELS } from "@/lib/labels";
import { membersOf } from "@/lib/listings/account-queries";
import { listingInputSchema, toFormValues } from "@/lib/listings/schema";
import { hasPendingWordingReview } from "@/lib/wording/reviews";
import { inviteEditorAction, removeMemberAction, saveListingAction } from "../../actions";
import { ListingEditor } from "@/components/listings/listing-editor";
import { editableListing } from "./editable";

export const metadata: Metadata = { title: "Edit listing", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function EditListingPage({ params }: Props) {
  const { id } = await params;
  const { actor, db, clinic } = await editableListing(id, `/dashboard/listings/${id}`);
  const [manage, inReview] = await Promise.all([
    canManageMembers(db, actor, id),
    hasPendingWordingReview(db, id),
  ]);
  const initial = toFormValues(clinic);
  const parsed = listingInputSchema.safeParse(initial);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link className="inline-flex min-h-11 items-center" href="/dashboard">
            ← My listings
          </Link>
        </p>
        {clinic.dataSource === "sample" && <SampleBadge />}
        <h1 className="text-3xl">Edit {clinic.name}</h1>
        <p className="text-sm text-muted">
          {LISTING_STATUS_LABELS[clinic.status]} · {PRICE_SOURCE_LABELS[clinic.priceSource]}
          {clinic.priceUpdatedAt ? ` (${dateShort(clinic.priceUpdatedAt)})` : ""} · Last checked by our
          editors: {clinic.lastVerifiedAt ? dateShort(clinic.lastVerifiedAt) : "never"}
        </p>
        <p className="flex flex-wrap gap-x-4 text-sm">
          {clinic.status === "published" && (
            <Link className="inline-flex min-h-11 items-center" href={`/clinics/${clinic.slug}`}>
              See the public page
            </Link>
          )}
          <Link className="inline-flex min-h-11 items-center" href={`/dashboard/listings/${id}/history`}>
            History of changes
          </Link>
          <Link
            className="inline-flex min-h-11 items-center"
            href={`/dashboard/listings/${id}/patient-reports`}
          >
            Patient reports
          </Link>
        </p>
        {inReview && (
          <p className="rounded-md border border-notice-line bg-notice p-3 text-sm" data-testid="in-review">
            A site editor is reviewing this listing’s wording (the words are pointed out under their fields
            below). The listing stays published meanwhile.
          </p>
        )}
      </header>
      <ListingEditor
        id={id}
        version={clinic.version}
        initial={initial}
        initialValues={parsed.success ? parsed.data : null}
        save={saveListingAction}
      />
      {manage && <MembersPanel clinicId={id} removesOwners={actor.role === "admin"} />}
    </div>
  );
}

/** `removesOwners`: a site editor (admin) may remove an owner too (lib/claims/service.ts, removeMember). */
async function MembersPanel({ clinicId, removesOwners }: { clinicId: string; removesOwners: boolean }) {
  const { members, invites } = await membersOf(getDb(), clinicId);
  return (
    <section aria-labelledby="members-h" className="card space-y-4">
      <h2 id="members-h" className="text-xl">
        People who can edit this listing
      </h2>
      <ActionHost action={removeMemberAction}>
        <ul className="space-y-3">
          {members.map((m) => (
            <li
              key={m.userId}
              className="flex flex-wrap items-center justify-between gap-2 border-b border-line pb-3"
            >
              <span>
                {m.email} — {MEMBER_ROLE_LABELS[m.role]}
              </span>
              {(m.role === "editor" || removesOwners) && (
                <ActionForm
                  action={removeMemberAction}
                  hidden={{ clinicId, userId: m.userId }}
                  submitLabel={`Remove ${m.email}`}
                  variant="secondary"
                />
              )}
            </li>
          ))}
          {invites.map((i) => (
            <li
              key={i.id}
              className="flex flex-wrap items-center justify-between gap-2 border-b border-line pb-3"
            >
              <span>
                {i.email} — invited {dateShort(i.createdAt)}, not signed in yet
              </span>
              <ActionForm
                action={removeMemberAction}
                hidden={{ clinicId, inviteId: i.id }}
                submitLabel={`Withdraw invitation for ${i.email}`}
                variant="secondary"
              />
            </li>
          ))}
        </ul>
      </ActionHost>
      <ActionForm action={inviteEditorAction} hidden={{ clinicId }} submitLabel="Invite">
        <label htmlFor="invite-email" className="block font-medium">
          Invite someone to help edit (their email)
        </label>
        <input
          id="invite-email"
          name="email"
          type="email"
          required
          autoComplete="off"
          className="block min-h-11 w-full max-w-md rounded-md border border-muted px-3 py-2"
        />
      </ActionForm>
    </section>
  );
}
