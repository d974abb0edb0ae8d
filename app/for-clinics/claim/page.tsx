import type { Metadata } from "next";
import Link from "@/components/link";
import { z } from "zod";
import { ActionForm } from "@/components/action-form";
import { requireUserPage } from "@/lib/auth/session";
import { emailMatchesWebsite } from "@/lib/claims/domain";
import { getPublishedClinic } from "@/lib/listings/queries";
import { submitClaimAction } from "../actions";

export const metadata: Metadata = { title: "Claim a listing", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const slugSchema = z.string().regex(/^[a-z0-9-]{1,200}$/);

export default async function ClaimPage({ searchParams }: Props) {
  const raw = (await searchParams).clinic;
  const slug = slugSchema.safeParse(raw);
  const actor = await requireUserPage(`/for-clinics/claim${slug.success ? `?clinic=${slug.data}` : ""}`);
  const clinic = slug.success ? await getPublishedClinic(slug.data) : undefined;
  if (!clinic) {
    return (
      <div className="max-w-xl space-y-4">
        <h1 className="text-3xl">Claim a listing</h1>
        <p className="card">
          We could not find that listing. Open your clinic's page and use its “Claim this listing” link, or{" "}
          <Link href="/clinics">search for your clinic</Link>.
        </p>
      </div>
    );
  }
  const matches = emailMatchesWebsite(actor.email, clinic.website);
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl">Claim {clinic.name}</h1>
      <p>
        {clinic.city}, {clinic.state}
        {clinic.website ? ` · ${clinic.website}` : ""}
      </p>
      <p>
        You are signed in as <strong>{actor.email}</strong>.{" "}
        {matches
          ? "This address is at the clinic's website domain, so your claim is approved at once."
          : "This address is not at the clinic's website domain, so our editors will check your claim by hand and email you."}
      </p>
      <ActionForm
        action={submitClaimAction}
        hidden={{ clinicId: clinic.id }}
        submitLabel="Claim this listing"
      />
      <p className="text-sm">
        <Link className="btn-secondary" href="/dashboard">
          Go to my listings
        </Link>
      </p>
    </div>
  );
}
