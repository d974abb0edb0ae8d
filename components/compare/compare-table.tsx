import { counted } from "@/lib/format";
import Link from "@/components/link";
import type { Clinic } from "@/db/schema";
import { Explain } from "@/components/glossary";
import { SampleBadge } from "@/components/notices";
import type { CourseAssumptions } from "@/lib/aftercare";
import { compareHref } from "@/lib/compare/href";
import type { CompareGroup } from "@/lib/compare/rows";
import { STALE_AFTER_DAYS } from "@/lib/listings/freshness";
import { placeText } from "@/lib/listings/describe";

type Props = {
  clinics: readonly Clinic[];
  groups: readonly CompareGroup[];
  assumptions: CourseAssumptions;
  onlyDifferences: boolean;
};

/**
 * The side-by-side table: a column per clinic, a row per fact, grouped, the deciding facts first.
 * The clinic names (with their remove links) stay pinned at the top of the screen while the rows
 * scroll under them (`thead` is sticky; nothing around the table scrolls sideways, so it sticks to
 * the page). On a phone each row's label sits above its cells (`.compare-table` in globals.css),
 * so two clinics fit side by side. Best values carry a visible word, not only a colour.
 */
export function CompareTable({ clinics, groups, assumptions, onlyDifferences }: Props) {
  const slugs = clinics.map((c) => c.slug);
  const title = `${counted(clinics.length, "clinic")} side by side`;
  return (
    <div className="space-y-2">
      <h2 id="compare-title" className="text-xl">
        {title}
      </h2>
      <p className="text-sm text-muted">
        The course cost counts {counted(assumptions.ketamineSessions, "ketamine session")},{" "}
        {counted(assumptions.integrationSessions, "integration therapy session")} and{" "}
        {counted(assumptions.boosters, "booster")}. <strong className="text-ink">★ Best</strong> and{" "}
        <strong className="text-ink">★ Lowest</strong> mark the best value in a row; prices more than{" "}
        {Math.round(STALE_AFTER_DAYS / 30)} months old are never marked lowest.
      </p>
      {clinics.length > 1 && (
        <p className="no-print flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="diff-toggle">
          <span className="text-sm text-muted">
            {onlyDifferences ? "Showing only the rows where the clinics differ." : "Showing every row."}
          </span>
          <Link
            href={compareHref(slugs, { assumptions, onlyDifferences: !onlyDifferences })}
            className="btn-secondary min-h-11 text-sm"
          >
            {onlyDifferences ? "Show every row" : "Show only differences"}
          </Link>
        </p>
      )}
      <div className="rounded-lg border border-line bg-white" data-testid="compare-table">
        <table
          className="compare-table w-full table-fixed border-separate border-spacing-0 text-left [overflow-wrap:anywhere]"
          style={{ "--clinics": clinics.length } as React.CSSProperties}
          data-many={clinics.length >= 3 || undefined}
        >
          <caption className="sr-only">
            {title}: the deciding facts first, then aftercare, cost, care and logistics. The first cell of
            each row names the fact.
          </caption>
          <thead className="sticky top-0 z-20" id="compare-head" data-testid="compare-head">
            <tr>
              <td className="w-36 rounded-tl-lg border-b border-line bg-white sm:w-52" />
              {clinics.map((c) => (
                <th
                  key={c.slug}
                  scope="col"
                  className="border-b border-line bg-white px-2 py-2 align-top font-normal sm:border-l sm:px-3"
                >
                  {c.dataSource === "sample" && <SampleBadge />}
                  {/* On a phone the pinned names must leave room for the rows: small, at most three
                      lines (the link's name stays whole), broken with a hyphen where the browser can. */}
                  <Link
                    href={`/clinics/${c.slug}`}
                    className="block font-semibold leading-snug hyphens-auto max-sm:line-clamp-3 max-sm:text-sm max-sm:leading-tight"
                  >
                    {c.name}
                  </Link>
                  <span className="hidden text-sm text-muted sm:block">{placeText(c)}</span>
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
              <tbody key={g.key} data-group={g.key}>
                <tr>
                  <th
                    scope="rowgroup"
                    colSpan={clinics.length + 1}
                    className="border-b border-line bg-accent-50 px-3 py-2 text-left text-lg sm:px-4"
                  >
                    {g.label}
                  </th>
                </tr>
                {rows.map((r) => (
                  <tr key={r.key} data-row={r.key} data-differs={r.differs}>
                    <th
                      scope="row"
                      className="border-b border-line px-3 pt-2 align-top text-sm font-medium max-sm:border-b-0 max-sm:pb-0 sm:px-4 sm:py-2 sm:text-base"
                    >
                      {r.label}
                      {r.term && <Explain term={r.term} compact className="font-normal" />}
                    </th>
                    {r.cells.map((cell, i) => {
                      const best = r.best[i] ?? false;
                      return (
                        <td
                          key={slugs[i]}
                          className={`border-b border-line px-3 py-2 align-top sm:border-l ${
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
