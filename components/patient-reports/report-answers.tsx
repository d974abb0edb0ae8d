import type { ChargedAnswer, SupportAnswer } from "@/db/enum-values";
import { CHARGED_ANSWER_LABELS, ROUTE_LABELS, SUPPORT_ANSWER_LABELS } from "@/lib/labels";
import { REPORT_SUPPORTS } from "@/lib/patient-reports/rules";

/** One report's answers as a list (the editors' queue and the clinic's dashboard): no author details. */
export function ReportAnswers({
  report,
}: {
  report: {
    treatmentStart: string;
    route?: keyof typeof ROUTE_LABELS;
    answers: Record<string, SupportAnswer>;
    charged: ChargedAnswer;
  };
}) {
  const month = new Date(`${report.treatmentStart}T00:00:00Z`).toLocaleDateString("en-US", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[16rem_1fr]">
      <dt className="font-medium">Treatment started</dt>
      <dd>{month}</dd>
      {report.route && (
        <>
          <dt className="font-medium">How ketamine was given</dt>
          <dd>{ROUTE_LABELS[report.route]}</dd>
        </>
      )}
      {REPORT_SUPPORTS.filter((s) => report.answers[s.key]).map((s) => (
        <div key={s.key} className="contents">
          <dt className="font-medium">{s.label}</dt>
          <dd>{SUPPORT_ANSWER_LABELS[report.answers[s.key]!]}</dd>
        </div>
      ))}
      <dt className="font-medium">Charged what the listing says</dt>
      <dd>{CHARGED_ANSWER_LABELS[report.charged]}</dd>
    </dl>
  );
}
