import type { ReactNode } from "react";
import type { Clinic } from "@/db/schema";
import type { GlossaryKey } from "@/lib/labels";
import type { SectionKey } from "@/lib/listings/fields";
import { profileValue, shownFacts } from "@/lib/listings/shown";
import { Explain } from "@/components/glossary";

export type Fact = {
  label: string;
  value: ReactNode;
  /** A second line in smaller type. */
  note?: ReactNode;
  /** A term to explain under the value. */
  term?: GlossaryKey;
  testId?: string;
};

/**
 * The facts lib/listings/fields.ts declares `shown` in these sections (see lib/listings/shown.ts),
 * listed after a profile section's own facts.
 */
export function declaredFacts(c: Clinic, ...sections: SectionKey[]): Fact[] {
  return shownFacts(...sections).map((s) => ({
    label: s.title,
    value: profileValue(s, c),
    ...(s.term ? { term: s.term } : {}),
  }));
}

/** Label–value pairs as a description list: two columns from small screens up, stacked on phones. */
export function Facts({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl className="divide-y divide-line">
      {facts.map((f) => (
        <div key={f.label} className="grid gap-0.5 py-3 sm:grid-cols-[13rem_1fr] sm:gap-4">
          <dt className="font-medium">{f.label}</dt>
          <dd data-testid={f.testId}>
            {f.value}
            {f.note ? <p className="text-sm text-muted">{f.note}</p> : null}
            {f.term ? <Explain term={f.term} /> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A section of a page with a linked heading. */
export function Section({
  id,
  title,
  intro,
  children,
  className = "",
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section aria-labelledby={`${id}-title`} id={id} className={`card space-y-3 sm:p-6 ${className}`}>
      <h2 id={`${id}-title`} className="text-xl">
        {title}
      </h2>
      {intro ? <div className="text-muted">{intro}</div> : null}
      {children}
    </section>
  );
}
