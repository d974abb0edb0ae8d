import type { ReactNode } from "react";

type DetailRow = { key: string; label: ReactNode; detail?: ReactNode; value: ReactNode };

type Props = {
  /** Read by screen readers; shown only when `showCaption` is set. */
  caption: ReactNode;
  showCaption?: boolean;
  headers: { label: string; detail?: string; value: string };
  rows: readonly DetailRow[];
  /** A closing row, such as a total. */
  footer?: { label: string; value: ReactNode };
  className?: string;
};

/**
 * A table of "what | details | amount" rows, the shape of the score breakdown, the price list and
 * the course estimate. On phones the details move under the row's name, so the amounts keep room.
 */
export function DetailTable({ caption, showCaption = false, headers, rows, footer, className = "" }: Props) {
  const hasDetail = headers.detail !== undefined;
  return (
    <div className={`scroll-x relative ${className}`}>
      <table className="w-full text-left">
        <caption className={showCaption ? "pb-2 text-left text-sm text-muted" : "sr-only"}>{caption}</caption>
        <thead className="text-sm text-muted">
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-3 font-medium">
              {headers.label}
            </th>
            {hasDetail && (
              <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">
                {headers.detail}
              </th>
            )}
            <th scope="col" className="py-2 text-right font-medium">
              {headers.value}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-b border-line align-top">
              <th scope="row" className="py-2 pr-3 font-medium">
                {r.label}
                {hasDetail && <div className="text-sm font-normal text-muted sm:hidden">{r.detail}</div>}
              </th>
              {hasDetail && <td className="hidden py-2 pr-3 sm:table-cell">{r.detail}</td>}
              <td className="num py-2 text-right">{r.value}</td>
            </tr>
          ))}
        </tbody>
        {footer && (
          <tfoot>
            <tr>
              {/* The details column is hidden on phones, so the label spans it only from small screens up. */}
              <th
                scope="row"
                className={`py-2 pr-3 text-right font-semibold ${hasDetail ? "sm:hidden" : ""}`}
              >
                {footer.label}
              </th>
              {hasDetail && (
                <th
                  scope="row"
                  colSpan={2}
                  className="hidden py-2 pr-3 text-right font-semibold sm:table-cell"
                >
                  {footer.label}
                </th>
              )}
              <td className="num whitespace-nowrap py-2 text-right font-semibold">{footer.value}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
