import Link from "@/components/link";
import type { Clinic } from "@/db/schema";
import { Explain } from "@/components/glossary";
import { SampleBadge } from "@/components/notices";
import type { CourseAssumptions } from "@/lib/aftercare";
import { compareHref } from "@/lib/compare/href";
import type { CompareGroup } from "@/lib/compare/rows";
import { placeText } from "@/lib/listings/describe";

type Props = {
  clinics: readonly Clinic[];
  groups: readonly CompareGroup[];
  assumptions: CourseAssumptions;
  onlyDifferences: boolean;
};

/**
 * The side-by-side table: a column per clinic, a row per fact, grouped. On narrow screens the clinic
 * columns scroll sideways while the row headers stay put. Best values carry a visible word, not only
 * a colour; rows where the clinics differ are tagged.
 */
export function CompareTable({ clinics, groups, assumptions, onlyDifferences }: Props) {
  const slugs = clinics.map((c) => c.slug);
  const title = `${count(clinics.length, "clinic")} side by side`;
  return (
    <div className="space-y-2">
      <h2 id="compare-title" className="text-xl">
        {title}
      </h2>
      <p className="text-sm text-muted">
        The course cost counts {count(assumptions.ketamineSessions, "ketamine session")},{" "}
        {count(assumptions.integrationSessions, "integration therapy session")} and{" "}
        {count(assumptions.boosters, "booster")}. <strong className="text-ink">★ Best</strong> and{" "}
        <strong className="text-ink">★ Lowest</strong> mark the best value in a row. Rows where the clinics
        differ say <strong className="text-ink">Differs</strong>.
        {onlyDifferences ? " Only rows where the clinics differ are shown." : ""} On a small screen, swipe the
        table sideways to see every clinic.
      </p>
      <div
        role="region"
        aria-labelledby="compare-title"
        tabIndex={0}
        className="print-full relative overflow-x-auto rounded-lg border border-line bg-white"
        data-testid="compare-table"
      >
        <table
          className="w-full table-fixed border-separate border-spacing-0 text-left"
          style={{ minWidth: `${9 + clinics.length * 10}rem` }}
        >
          <caption className="sr-only">
            {title}: aftercare, cost, care and logistics. The first column names each fact.
          </caption>
          <thead>
            <tr>
              <td className="sticky left-0 z-20 w-36 border-b border-line bg-white sm:w-52" />
              {clinics.map((c) => (
                <th
                  key={c.slug}
                  scope="col"
                  className="border-b border-l border-line px-3 py-3 align-top font-normal"
                >
                  {c.dataSource === "sample" && <SampleBadge />}
                  <Link href={`/clinics/${c.slug}`} className="mt-1 block font-semibold">
                    {c.name}
                  </Link>
                  <span className="block text-sm text-muted">{placeText(c)}</span>
                  {clinics.length > 1 && (
                    <Link
                      href={compareHref(
                        slugs.filter((s) => s !== c.slug),
                        { assumptions, onlyDifferences },
                      )}
                      className="no-print inline-flex min-h-11 items-center text-sm"
                    >
                      Remove<span className="sr-only"> {c.name} from the comparison</span>
                    </Link>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          {groups.map((g) => {
            const rows = onlyDifferences ? g.rows.filter((r) => r.differs) : g.rows;
            if (rows.length === 0) return null;
            return (
              <tbody key={g.key}>
                <tr>
                  <th
                    scope="rowgroup"
                    colSpan={clinics.length + 1}
                    className="border-b border-line bg-accent-50 px-0 py-2 text-left"
                  >
                    <span className="sticky left-0 px-3 text-lg sm:px-4">{g.label}</span>
                  </th>
                </tr>
                {rows.map((r) => (
                  <tr key={r.key} data-row={r.key} data-differs={r.differs}>
                    <th
                      scope="row"
                      className="sticky left-0 z-10 border-b border-line bg-white px-3 py-2 align-top text-sm font-medium sm:px-4 sm:text-base"
                    >
                      {r.label}
                      {r.differs && clinics.length > 1 && (
                        <span className="ml-1 inline-block rounded border border-accent-600 px-1 text-xs font-normal text-accent-700">
                          Differs
                        </span>
                      )}
                      {r.term && <Explain term={r.term} compact className="font-normal" />}
                    </th>
                    {r.cells.map((cell, i) => {
                      const best = r.best[i] ?? false;
                      return (
                        <td
                          key={slugs[i]}
                          className={`border-b border-l border-line px-3 py-2 align-top ${
                            best ? "bg-accent-50" : ""
                          } ${r.differs || clinics.length === 1 ? "" : "text-muted"}`}
                          data-best={best || undefined}
                        >
                          {best && (
                            <span className="mb-0.5 flex items-center gap-1 text-xs font-semibold uppercase tracking-wide text-accent-700">
                              <span aria-hidden="true">★</span>
                              {r.bestLabel}
                            </span>
                          )}
                          <span className={`num ${best ? "font-semibold" : ""}`}>{cell.text}</span>
                          {cell.note && <span className="block text-sm text-muted">{cell.note}</span>}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      </div>
    </div>
  );
}

const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
