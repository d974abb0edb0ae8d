import type { Metadata } from "next";
import Link from "@/components/link";
import type { ReactNode } from "react";
import { AssumptionsForm } from "@/components/compare/assumptions-form";
import { CompareTable } from "@/components/compare/compare-table";
import { MatchTray } from "@/components/compare/match-tray";
import { Static } from "@/components/static";
import { StickyOffset } from "@/components/sticky-offset";
import { COMPARE_MAX, COMPARE_MIN, parseCompareParams, type CompareProblem } from "@/lib/compare/params";
import { compareTable } from "@/lib/compare/rows";
import { joinAnd } from "@/lib/listings/describe";
import { getPublishedClinicsBySlugs } from "@/lib/listings/queries";
import { getDb } from "@/lib/db";
import { publicTallies } from "@/lib/patient-reports/service";

export const metadata: Metadata = {
  title: "Compare clinics side by side",
  description:
    "Compare 2 to 4 ketamine clinics side by side: aftercare, the cost of a whole course, care and logistics.",
  alternates: { canonical: "/compare" },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const quoted = (values: readonly string[]) => joinAnd(values.map((v) => `“${v}”`));

function problemText(p: CompareProblem): string {
  switch (p.kind) {
    case "invalid":
      return `${quoted(p.values)} ${p.values.length === 1 ? "doesn't" : "don't"} look like a clinic in our directory, so we left ${p.values.length === 1 ? "it" : "them"} out.`;
    case "duplicates":
      return `${quoted(p.values)} ${p.values.length === 1 ? "was" : "were"} listed more than once. We show each clinic once.`;
    case "tooMany":
      return `You can compare up to ${COMPARE_MAX} clinics at a time, so we left out ${quoted(p.values)}.`;
  }
}

export default async function ComparePage({ searchParams }: Props) {
  const params = parseCompareParams(await searchParams);
  const found = await getPublishedClinicsBySlugs(params.slugs);
  const bySlug = new Map(found.map((c) => [c.slug, c]));
  const clinics = params.slugs.flatMap((s) => bySlug.get(s) ?? []);
  const unknown = params.slugs.filter((s) => !bySlug.has(s));
  const groups = compareTable(clinics, params.assumptions, new Date(), await publicTallies(getDb(), clinics));

  const messages: ReactNode[] = params.problems.map(problemText);
  if (unknown.length > 0) {
    messages.push(
      `We couldn't find ${quoted(unknown)}. The link may be mistyped, or the clinic may have left the directory.`,
    );
  }
  const nothingAsked = params.slugs.length === 0 && params.problems.length === 0;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl">Compare clinics</h1>
        <p className="max-w-2xl text-muted">
          See {COMPARE_MIN} to {COMPARE_MAX} clinics side by side: their aftercare, what a whole course might
          cost, their care and how to get there.
        </p>
      </header>

      {messages.length > 0 && (
        <div
          role="note"
          aria-label="Problems with this comparison"
          className="space-y-1 rounded-md border border-notice-line bg-notice px-4 py-3"
          data-testid="compare-problems"
        >
          {messages.map((m, i) => (
            <p key={i}>{m}</p>
          ))}
        </div>
      )}

      {params.assumptionNotices.length > 0 && (
        <div
          role="note"
          aria-label="Changes to your numbers"
          className="space-y-1 rounded-md border border-notice-line bg-notice px-4 py-3"
          data-testid="assumption-notices"
        >
          {params.assumptionNotices.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}

      {clinics.length === 0 ? (
        <section aria-labelledby="empty-title" className="card max-w-2xl space-y-3">
          <h2 id="empty-title" className="text-xl">
            {nothingAsked ? "Nothing to compare yet" : "There are no clinics to show"}
          </h2>
          <p>
            Choose {COMPARE_MIN} to {COMPARE_MAX} clinics with the <strong>Add to compare</strong> button on a
            clinic&apos;s page or in search results. They stay in your compare list at the bottom of the
            screen, even when you move between pages.
          </p>
          <p>
            <Link href="/clinics" className="btn">
              Find clinics
            </Link>
          </p>
        </section>
      ) : (
        <>
          {clinics.length < COMPARE_MIN && (
            <p className="rounded-md border border-line bg-white px-4 py-3">
              Add at least one more clinic to compare side by side.{" "}
              <Link href="/clinics">Find another clinic</Link>
            </p>
          )}
          <MatchTray items={clinics.map((c) => ({ slug: c.slug, name: c.name }))} />
          <Static>
            <CompareTable
              clinics={clinics}
              groups={groups}
              assumptions={params.assumptions}
              onlyDifferences={params.onlyDifferences}
            />
          </Static>
          <StickyOffset target="compare-head" edge="top" />
          <AssumptionsForm
            slugs={clinics.map((c) => c.slug)}
            assumptions={params.assumptions}
            onlyDifferences={params.onlyDifferences}
          />
          <p className="text-sm text-muted">
            Prices are the clinics&apos; listed cash prices, before insurance. A clinic with no listed price
            is never marked best for that row.{" "}
            <Link href="/methodology">How we score aftercare and estimate costs</Link>
          </p>
        </>
      )}
    </div>
  );
}
