"use client";

import { useActionState, useState } from "react";
import { startImportAction, type ImportState } from "../actions";
import { keepingTheForm, UNREACHABLE_MESSAGE } from "@/components/action-form";
import { count } from "@/lib/format";
import { MAX_UPLOAD_MEGABYTES, uploadTooLarge } from "@/lib/security/limits";

/** Upload form; shows the error report (row, column, problem) when the file has problems. */
export function ImportForm() {
  const [answer, action, pending] = useActionState<ImportState, FormData>(
    keepingTheForm(startImportAction, { ok: false, message: UNREACHABLE_MESSAGE }),
    null,
  );
  // A file over the limit is refused here, before it is sent (the server checks again).
  const [refused, setRefused] = useState<string | null>(null);
  const state: ImportState = refused ? { ok: false, message: refused } : answer;
  return (
    <div className="space-y-4">
      <form
        action={action}
        className="card space-y-3"
        onSubmit={(e) => {
          const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
          const tooLarge = file ? uploadTooLarge(file.size) : null;
          setRefused(tooLarge);
          if (tooLarge) e.preventDefault();
        }}
      >
        <label htmlFor="file" className="block font-medium">
          CSV file (up to {MAX_UPLOAD_MEGABYTES} MB, 50,000 rows)
        </label>
        <input
          id="file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          className="block min-h-11 w-full"
        />
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
