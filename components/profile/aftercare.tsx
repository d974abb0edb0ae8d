import Link from "@/components/link";
import type { Clinic } from "@/db/schema";
import type { ScoreResult } from "@/lib/aftercare";
import { score as fmtScore } from "@/lib/format";
import {
  DIGITAL_TOOL_LABELS,
  INTEGRATION_THERAPY_LABELS,
  LIFESTYLE_LABELS,
  SUPPORT_GROUPS_LABELS,
} from "@/lib/labels";
import {
  aftercareLengthText,
  feeText,
  integrationDetail,
  listText,
  onCallText,
  prepText,
} from "@/lib/listings/describe";
import { DetailTable } from "@/components/detail-table";
import { declaredFacts, Facts, Section, type Fact } from "./facts";

function groupFeeNote(cents: number | null): string {
  if (cents === null) return "Fee not listed";
  return cents === 0 ? "Free to join" : `${feeText(cents)} a group session`;
}

/** What happens after a session, fact by fact, in the order a patient meets them. */
export function AftercareSection({ clinic: c }: { clinic: Clinic }) {
  const integrationNote = [
    integrationDetail(c),
    c.integrationTherapy === "add_on" ? `${feeText(c.integrationSessionFee)} a session` : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const facts: Fact[] = [
    {
      label: "Check-in within 24 hours",
      value: c.followUp24h
        ? "Yes. Someone from the clinic contacts you within a day of each treatment."
        : "Not listed",
    },
    { label: "Who to call between visits", value: onCallText(c), term: "onCall" },
    {
      label: "Integration therapy",
      value: INTEGRATION_THERAPY_LABELS[c.integrationTherapy],
      note: integrationNote || undefined,
      term: "integration",
    },
    {
      label: "Support groups",
      value: SUPPORT_GROUPS_LABELS[c.supportGroups],
      note: c.supportGroups === "none" ? undefined : groupFeeNote(c.groupSessionFee),
    },
    { label: "Preparation before treatment", value: prepText(c.prepSessions) },
    {
      label: "Tracks your progress",
      value: c.measurementBasedCare ? "Yes, with short questionnaires" : "Not listed",
      term: "measurementBasedCare",
    },
    { label: "Tools between sessions", value: listText(c.digitalTools, DIGITAL_TOOL_LABELS) },
    { label: "Healthy-habit programs", value: listText(c.lifestyle, LIFESTYLE_LABELS) },
    { label: "Recovery room", value: c.recoveryRoom ? "Yes" : "Not listed", term: "recoveryRoom" },
    { label: "How long aftercare lasts", value: aftercareLengthText(c.aftercareWeeks) },
    ...declaredFacts(c, "aftercare"),
  ];
  return (
    <Section
      id="aftercare"
      title="After a session"
      intro="What this clinic says it does to support you between and after treatments."
    >
      <Facts facts={facts} />
      {c.aftercareNotes.trim() !== "" && (
        <figure className="rounded-md border-l-4 border-accent-600 bg-accent-50 px-4 py-3">
          <blockquote className="whitespace-pre-line">{c.aftercareNotes}</blockquote>
          <figcaption className="mt-1 text-sm text-muted">In the clinic&apos;s own words</figcaption>
        </figure>
      )}
    </Section>
  );
}

/** The aftercare score with every rubric item, its points and why. */
export function ScoreBreakdown({ score }: { score: ScoreResult }) {
  return (
    <Section
      id="score"
      title="How the aftercare score adds up"
      intro={
        <p>
          We give points for each kind of support, up to {score.max}. The score only counts what the clinic
          offers, not how well it does it. <Link href="/methodology#score">How we score aftercare</Link>
        </p>
      }
    >
      <DetailTable
        caption="Aftercare score breakdown"
        headers={{ label: "What we look for", detail: "What we found", value: "Points" }}
        rows={score.items.map((i) => ({
          key: i.key,
          label: i.label,
          detail: i.detail,
          value: (
            <span className="whitespace-nowrap">
              <span className={i.points === i.max ? "font-semibold" : i.points === 0 ? "text-muted" : ""}>
                {i.points}
              </span>{" "}
              <span className="text-muted">of {i.max}</span>
            </span>
          ),
        }))}
        footer={{ label: "Total", value: fmtScore(score.total) }}
      />
    </Section>
  );
}
