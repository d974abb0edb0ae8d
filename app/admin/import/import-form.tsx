"use client";

import { useActionState } from "react";
import { startImportAction, type ImportState } from "../actions";
import { count } from "@/lib/format";

/** Upload form; shows the error report (row, column, problem) when the file has problems. */
export function ImportForm() {
  const [state, action, pending] = useActionState<ImportState, FormData>(startImportAction, null);
  return (
    <div className="space-y-4">
      <form action={action} className="card space-y-3">
        <label htmlFor="file" className="block font-medium">
          CSV file (up to 20 MB, 50,000 rows)
        </label>
        <input id="file" name="file" type="file" accept=".csv,text/csv" required className="block min-h-11" />
        <button type="submit" className="btn" disabled={pending}>
          {pending ? "Checking the file…" : "Check and import"}
        </button>
        {pending && (
          <p role="status" className="text-sm text-muted">
            Checking every row. Large files take a few seconds.
          </p>
        )}
      </form>
      {state && (
        <div role="alert" className="space-y-3 rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
          <p className="font-semibold">{state.message}</p>
          {state.issues && state.issues.length > 0 && (
            <div className="relative overflow-x-auto bg-white">
              <table className="w-full text-left text-sm text-ink" data-testid="import-issues">
                <caption className="sr-only">Problems by row and column</caption>
                <thead>
                  <tr>
                    <th scope="col" className="p-1">
                      Row
                    </th>
                    <th scope="col" className="p-1">
                      Column
                    </th>
                    <th scope="col" className="p-1">
                      Problem
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {state.issues.map((i, n) => (
                    <tr key={n} className="border-t border-line align-top">
                      <td className="num p-1">{i.row || "—"}</td>
                      <td className="p-1">{i.column || "—"}</td>
                      <td className="p-1">{i.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {state.more ? <p>…and {count(state.more)} more.</p> : null}
        </div>
      )}
    </div>
  );
}
