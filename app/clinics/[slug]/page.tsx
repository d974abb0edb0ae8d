import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPublishedClinic } from "@/lib/listings/queries";
import { aftercareScore } from "@/lib/aftercare";
import { SampleBadge } from "@/components/notices";
import { score as fmtScore, usdRange } from "@/lib/format";
import { INTEGRATION_THERAPY_LABELS, ROUTE_LABELS, SUPPORT_GROUPS_LABELS } from "@/lib/labels";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const clinic = await getPublishedClinic((await params).slug);
  if (!clinic) return { title: "Clinic not found" };
  return {
    title: `${clinic.name}, ${clinic.city}, ${clinic.state}`,
    alternates: { canonical: `/clinics/${clinic.slug}` },
  };
}

export default async function ClinicPage({ params }: Props) {
  const clinic = await getPublishedClinic((await params).slug);
  if (!clinic) notFound();
  const score = aftercareScore(clinic);
  return (
    <article className="space-y-6">
      <header className="space-y-1">
        {clinic.dataSource === "sample" && <SampleBadge />}
        <h1 className="text-3xl">{clinic.name}</h1>
        <p className="text-muted">
          {clinic.clinicType === "telehealth"
            ? `Telehealth, based in ${clinic.city}, ${clinic.state}`
            : `${clinic.city}, ${clinic.state}`}
        </p>
      </header>
      <section aria-labelledby="aftercare" className="card space-y-2">
        <h2 id="aftercare" className="text-xl">
          Aftercare
        </h2>
        <p className="num text-2xl font-semibold">Aftercare score {fmtScore(score.total)}</p>
        <ul className="list-disc pl-5">
          <li>Integration therapy: {INTEGRATION_THERAPY_LABELS[clinic.integrationTherapy]}</li>
          <li>Follow-up within 24 hours: {clinic.followUp24h ? "Yes" : "No"}</li>
          <li>Support groups: {SUPPORT_GROUPS_LABELS[clinic.supportGroups]}</li>
        </ul>
      </section>
      <section aria-labelledby="cost" className="card space-y-2">
        <h2 id="cost" className="text-xl">
          Cost
        </h2>
        <p>
          Per session: <span className="num">{usdRange(clinic.sessionMin, clinic.sessionMax)}</span>
        </p>
      </section>
      <section aria-labelledby="care" className="card space-y-2">
        <h2 id="care" className="text-xl">
          Treatment
        </h2>
        <p>{clinic.routes.map((r) => ROUTE_LABELS[r]).join(", ")}</p>
        <p className="text-muted">{clinic.description}</p>
      </section>
      <p className="text-sm">
        Work at this clinic? <Link href={`/for-clinics/claim?clinic=${clinic.slug}`}>Claim this listing</Link>{" "}
        to keep it up to date.
      </p>
    </article>
  );
}
