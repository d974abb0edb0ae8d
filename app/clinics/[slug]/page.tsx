import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AddToCompareButton } from "@/components/compare/add-to-compare-button";
import { SampleBadge } from "@/components/notices";
import { Static } from "@/components/static";
import { AftercareSection, ScoreBreakdown } from "@/components/profile/aftercare";
import { CareSection, PaymentSection, PlaceSection } from "@/components/profile/care";
import { Section } from "@/components/profile/facts";
import { CourseEstimateView, PriceTable } from "@/components/profile/prices";
import { PatientReportsSection } from "@/components/patient-reports/profile-section";
import { ReportProblemForm } from "@/components/reports/report-problem-form";
import { reportProblemAction } from "./actions";
import { aftercareScore, courseEstimate } from "@/lib/aftercare";
import { compareHref } from "@/lib/compare/href";
import { serverEnv } from "@/lib/env";
import { dateShort, relativeDays, score as fmtScore, usdRange } from "@/lib/format";
import { CLINIC_TYPE_LABELS, DATA_SOURCE_LABELS, INTEGRATION_THERAPY_LABELS } from "@/lib/labels";
import { newPatientText, packagePriceText, placeText, telHref } from "@/lib/listings/describe";
import { isStale, STALE_AFTER_DAYS } from "@/lib/listings/freshness";
import { clinicJsonLd, jsonLdText } from "@/lib/listings/jsonld";
import { getPublishedClinic } from "@/lib/listings/queries";
import { getDb } from "@/lib/db";
import { publicReports } from "@/lib/patient-reports/service";

type Props = { params: Promise<{ slug: string }> };

/** One query per request, shared by the metadata and the page. */
const loadClinic = cache(getPublishedClinic);

const profilePath = (slug: string) => `/clinics/${slug}`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const clinic = await loadClinic((await params).slug);
  if (!clinic) return { title: "Clinic not found" };
  const viaPackage = packagePriceText(clinic);
  const title = `${clinic.name}, ${clinic.city}, ${clinic.state}`;
  const description =
    `${clinic.dataSource === "sample" ? "Fictional sample listing. " : ""}` +
    `Aftercare score ${fmtScore(clinic.aftercareScore)}. ` +
    `Integration therapy: ${INTEGRATION_THERAPY_LABELS[clinic.integrationTherapy].toLowerCase()}. ` +
    `Per session: ${usdRange(clinic.sessionMin, clinic.sessionMax)}` +
    `${viaPackage ? `, or ${viaPackage}` : ""}.`;
  return {
    title,
    description,
    alternates: { canonical: profilePath(clinic.slug) },
    openGraph: {
      type: "website",
      siteName: "Aftercare Atlas",
      title,
      description,
      url: profilePath(clinic.slug),
    },
  };
}

export default async function ClinicPage({ params }: Props) {
  const clinic = await loadClinic((await params).slug);
  if (!clinic) notFound();
  const now = new Date();
  const score = aftercareScore(clinic);
  const estimate = courseEstimate(clinic);
  const sample = clinic.dataSource === "sample";
  const profileUrl = new URL(profilePath(clinic.slug), serverEnv().SITE_URL).href;
  const tel = telHref(clinic.phone);
  const staleListing = isStale(clinic.lastVerifiedAt, now);
  const stalePrices = isStale(clinic.priceUpdatedAt, now);
  const viaPackage = packagePriceText(clinic);
  const reports = await publicReports(getDb(), clinic);

  return (
    <article className="space-y-6">
      <script type="application/ld+json">{jsonLdText(clinicJsonLd(clinic, profileUrl))}</script>
      <nav aria-label="Breadcrumb" className="no-print text-sm">
        <Link href="/clinics" className="tap">
          ← Find a clinic
        </Link>
      </nav>
      <header className="space-y-2">
        {sample && (
          <div className="flex flex-wrap items-center gap-2 rounded-md border border-notice-line bg-notice px-3 py-2">
            <SampleBadge />
            <p className="text-sm">
              This clinic is made up to show how the site works. Its name, prices and contact details are not
              real.
            </p>
          </div>
        )}
        <h1 className="text-3xl sm:text-4xl">{clinic.name}</h1>
        <p className="text-muted">
          {CLINIC_TYPE_LABELS[clinic.clinicType]} · {placeText(clinic)}
        </p>
        <p className="font-medium">{newPatientText(clinic)}</p>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] lg:items-start">
        <aside aria-labelledby="glance-title" className="card space-y-4 lg:sticky lg:top-4 lg:order-2">
          <h2 id="glance-title" className="sr-only">
            At a glance
          </h2>
          <div>
            <p data-testid="aftercare-score">
              <span className="block text-sm text-muted">Aftercare score </span>
              <span className="num text-3xl font-semibold">{fmtScore(clinic.aftercareScore)}</span>
            </p>
            <div aria-hidden="true" className="mt-1 h-2 overflow-hidden rounded-full bg-accent-100">
              <div
                className="h-full rounded-full bg-accent-700"
                style={{ width: `${clinic.aftercareScore}%` }}
              />
            </div>
            <p className="mt-1 text-sm">
              <a href="#score">See how it adds up</a>
            </p>
          </div>
          <dl className="space-y-2">
            <div>
              <dt className="text-sm text-muted">Estimated first course</dt>
              <dd className="num font-semibold">
                <a href="#course">
                  {clinic.courseLow !== null && clinic.courseHigh !== null
                    ? usdRange(clinic.courseLow, clinic.courseHigh)
                    : "Can't estimate"}
                </a>
              </dd>
            </div>
            <div>
              <dt className="text-sm text-muted">Per session</dt>
              <dd className="num font-semibold">{usdRange(clinic.sessionMin, clinic.sessionMax)}</dd>
              {viaPackage && (
                <dd className="num text-sm" data-testid="package-price">
                  or {viaPackage}
                </dd>
              )}
            </div>
            {clinic.phone && (
              <div>
                <dt className="text-sm text-muted">Phone</dt>
                <dd className="num">{tel ? <a href={tel}>{clinic.phone}</a> : clinic.phone}</dd>
              </div>
            )}
          </dl>
          <AddToCompareButton slug={clinic.slug} name={clinic.name} />
        </aside>

        <div className="space-y-6 lg:order-1">
          {/* Everything up to the listing's own section has no behaviour: HTML React leaves as it is. */}
          <Static className="space-y-6">
            <AftercareSection clinic={clinic} />
            <PatientReportsSection slug={clinic.slug} confirmed={clinic.patientConfirmed} reports={reports} />
            <ScoreBreakdown score={score} />
            <Section id="cost" title="Prices">
              {stalePrices && (
                <p className="rounded-md border border-notice-line bg-notice px-3 py-2 text-sm">
                  These prices were last updated more than {Math.round(STALE_AFTER_DAYS / 30)} months ago, or
                  we don&apos;t know when. Check them with the clinic.
                </p>
              )}
              <PriceTable clinic={clinic} />
              <h3 id="course" className="pt-2 text-lg font-semibold">
                What a first course might cost
              </h3>
              <CourseEstimateView estimate={estimate} headingLevel={4} />
              <p className="no-print text-sm">
                <Link href={compareHref([clinic.slug])}>Change these numbers</Link> or{" "}
                <Link href="/methodology#cost">see how we estimate costs</Link>.
              </p>
            </Section>
            <PaymentSection clinic={clinic} />
            <CareSection clinic={clinic} />
            <PlaceSection clinic={clinic} sample={sample} />
          </Static>
          <Section id="listing" title="About this listing">
            <p>
              {clinic.lastVerifiedAt ? (
                <>
                  Last checked by our editors on{" "}
                  <time dateTime={clinic.lastVerifiedAt.toISOString()}>
                    {dateShort(clinic.lastVerifiedAt)}
                  </time>{" "}
                  ({relativeDays(clinic.lastVerifiedAt, now)}).
                </>
              ) : (
                "Our editors have not checked this listing yet."
              )}{" "}
              Source: {DATA_SOURCE_LABELS[clinic.dataSource]}.
            </p>
            {staleListing && clinic.lastVerifiedAt && (
              <p className="text-sm text-muted">
                It has been more than a year since anyone checked these details. Call the clinic to confirm
                them.
              </p>
            )}
            <p className="no-print">
              <Link href={`/for-clinics/claim?clinic=${encodeURIComponent(clinic.slug)}`}>
                Is this your clinic? Claim this listing to keep it up to date.
              </Link>
            </p>
            <ReportProblemForm clinicId={clinic.id} report={reportProblemAction} />
          </Section>
        </div>
      </div>
    </article>
  );
}
