import { lowerFirst } from "@/lib/format";
import { GLOSSARY, type GlossaryKey } from "@/lib/labels";

/**
 * A short explanation of a term, where the term appears: a native disclosure (no JavaScript), closed
 * by default so the page stays calm, with a tap target of at least 44 px.
 */
export function Explain({
  term,
  compact = false,
  className = "",
}: {
  term: GlossaryKey;
  /** A short "What's this?" for tight spaces such as table row headers. */
  compact?: boolean;
  className?: string;
}) {
  const entry = GLOSSARY[term];
  return (
    <details className={`explain text-sm ${className}`}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center gap-1 text-accent-700 underline decoration-dotted underline-offset-2">
        {compact ? (
          <>
            What&apos;s this?<span className="sr-only"> {entry.term}</span>
          </>
        ) : (
          <>What “{lowerFirst(entry.term)}” means</>
        )}
      </summary>
      <p className="mb-2 max-w-prose rounded-md bg-accent-50 px-3 py-2 text-ink">
        <dfn className="font-semibold not-italic">{entry.term}:</dfn> {entry.definition}
      </p>
    </details>
  );
}
