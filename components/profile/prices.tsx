import Link from "@/components/link";
import type { ReactNode } from "react";
import type { Clinic } from "@/db/schema";
import type { CourseEstimate } from "@/lib/aftercare";
import { dateShort, usdRange } from "@/lib/format";
import { INTEGRATION_BY_LABELS, PRICE_SOURCE_LABELS, ROUTE_LABELS, type GlossaryKey } from "@/lib/labels";
import { feeText, listText } from "@/lib/listings/describe";
import { DetailTable } from "@/components/detail-table";
import { Explain } from "@/components/glossary";

/** The source of a price in two or three words, for the line under each price. */
const SOURCE_SHORT: Readonly<Record<Clinic["priceSource"], string>> = {
  clinic_reported: "From the clinic",
  verified: "Checked by our editors",
  sample: "Sample price",
};

type PriceRow = { label: string; price: string; includes: ReactNode; term?: GlossaryKey };

function priceRows(c: Clinic): PriceRow[] {
  const rows: PriceRow[] = [
    {
      label: "Consultation",
      price: feeText(c.consultFee),
      includes: "A first visit to check whether ketamine treatment is a good fit for you",
    },
    {
      label: "One treatment session",
      price: usdRange(c.sessionMin, c.sessionMax),
      includes:
        c.routes.length === 0
          ? "One treatment session"
          : `One session. Offered as: ${listText(c.routes, ROUTE_LABELS)}`,
    },
    {
      label: "Induction series",
      price: usdRange(c.seriesMin, c.seriesMax),
      includes: c.seriesSessions
        ? `A package of ${c.seriesSessions} sessions, usually over 2 to 3 weeks`
        : "Number of sessions not listed",
      term: "inductionSeries",
    },
    {
      label: "Booster session",
      price: usdRange(c.boosterMin, c.boosterMax),
      includes: "One more session weeks or months after the series",
      term: "booster",
    },
  ];
  if (c.integrationTherapy === "included" || c.integrationTherapy === "add_on") {
    rows.push({
      label: "Integration therapy session",
      price: c.integrationTherapy === "included" ? "Included" : feeText(c.integrationSessionFee),
      includes:
        c.integrationBy === "none"
          ? "A session to talk through your treatment"
          : `A session with ${INTEGRATION_BY_LABELS[c.integrationBy].toLowerCase()}`,
      term: "integration",
    });
  }
  if (c.supportGroups !== "none") {
    rows.push({
      label: "Support group",
      price: feeText(c.groupSessionFee),
      includes: "One group meeting",
    });
  }
  return rows;
}

/** Every listed price, each with its source and date and what it covers. */
export function PriceTable({ clinic: c }: { clinic: Clinic }) {
  const source = SOURCE_SHORT[c.priceSource];
  const date = c.priceUpdatedAt ? dateShort(c.priceUpdatedAt) : null;
  return (
    <DetailTable
      showCaption
      caption={
        <>
          {PRICE_SOURCE_LABELS[c.priceSource]}
          {date ? `, last updated ${date}` : ", date not listed"}. Cash prices, before any insurance.{" "}
          <Link href="/methodology#sources">Where prices come from</Link>
        </>
      }
      headers={{ label: "Service", detail: "What it includes", value: "Price" }}
      rows={priceRows(c).map((r) => ({
        key: r.label,
        label: r.label,
        detail: (
          <>
            {r.includes}
            {r.term ? <Explain term={r.term} /> : null}
          </>
        ),
        value: (
          <>
            <span className="whitespace-nowrap font-semibold">{r.price}</span>
            <span className="block text-xs text-muted">
              {source}
              {date ? `, ${date}` : ""}
            </span>
          </>
        ),
      }))}
    />
  );
}

/** The course estimate: total, line items, assumptions and gaps. */
export function CourseEstimateView({
  estimate,
  headingLevel = 3,
}: {
  estimate: CourseEstimate;
  headingLevel?: 3 | 4;
}) {
  const H = headingLevel === 3 ? "h3" : "h4";
  const known = estimate.low !== null && estimate.high !== null;
  return (
    <div className="space-y-3">
      <p>
        <span className="text-muted">Estimated first course: </span>
        <span className="num text-2xl font-semibold" data-testid="course-total">
          {known ? usdRange(estimate.low, estimate.high) : "Can't estimate"}
        </span>
      </p>
      {!known && (
        <p className="text-muted">
          The clinic has not listed a price for ketamine sessions, so we cannot estimate a course. Ask the
          clinic for its prices before you book.
        </p>
      )}
      <DetailTable
        caption="Parts of the course estimate"
        headers={{ label: "Part", detail: "How we counted it", value: "Amount" }}
        rows={estimate.items.map((i) => ({
          key: i.key,
          label: i.label,
          detail: i.note,
          value: <span className="whitespace-nowrap">{usdRange(i.low, i.high)}</span>,
        }))}
      />
      <H className="font-semibold">What we assumed</H>
      <ul className="list-disc space-y-1 pl-5">
        {estimate.assumptions.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
      {estimate.missing.length > 0 && (
        <p className="rounded-md border border-notice-line bg-notice px-3 py-2 text-sm">
          <strong>Not listed by the clinic:</strong> {estimate.missing.join(", ")}. Ask about these before you
          book; the estimate may be higher.
        </p>
      )}
    </div>
  );
}
