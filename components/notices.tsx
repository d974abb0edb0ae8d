/** Shown on every page: the crisis line, and the fact that every listing is fictional sample data. */
export function CrisisBar() {
  return (
    <div className="bg-accent-800 text-white">
      <p className="mx-auto max-w-5xl px-4 py-1.5 text-sm">
        In crisis or thinking about suicide? Call or text{" "}
        <a href="tel:988" className="font-semibold text-white underline hover:text-white">
          988
        </a>{" "}
        — free, 24/7.
      </p>
    </div>
  );
}

export function SampleDataNotice() {
  return (
    <div role="note" aria-label="Sample data" className="border-b border-notice-line bg-notice">
      <p className="mx-auto max-w-5xl px-4 py-2 text-sm">
        <strong>Sample data:</strong> every clinic listed here is fictional, made up to show how the site
        works. Names, prices and details are not real.
      </p>
    </div>
  );
}

/** A small label on each sample listing. */
export function SampleBadge() {
  return (
    <span className="badge border-notice-line bg-notice text-xs font-medium text-ink">Fictional sample</span>
  );
}
