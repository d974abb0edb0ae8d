import { claimById, segments, type ClaimMatch } from "@/lib/wording/misleading-claims";

/**
 * Text with its flagged phrases marked (`<mark>`), every piece rendered as text. Used by the
 * listing editor's warning and the editors' wording queue.
 */
export function FlaggedText({ text, matches }: { text: string; matches: readonly ClaimMatch[] }) {
  return (
    <>
      {segments(text, matches).map((p, i) =>
        p.claims.length ? (
          <mark
            key={i}
            className="rounded-sm bg-notice px-0.5 font-semibold text-ink underline decoration-notice-line decoration-2"
            data-claims={p.claims.join(" ")}
          >
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/** Each flagged claim once, with its label and why. */
export function ClaimReasons({ matches }: { matches: readonly ClaimMatch[] }) {
  const ids = [...new Set(matches.map((m) => m.claim))];
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm">
      {ids.map((id) => {
        const c = claimById(id);
        const words = [...new Set(matches.filter((m) => m.claim === id).map((m) => `“${m.text}”`))];
        return (
          <li key={id} data-claim={id}>
            <strong>{words.join(", ")}</strong>
            {c ? ` (${c.label}): ${c.why}` : ""}
          </li>
        );
      })}
    </ul>
  );
}
