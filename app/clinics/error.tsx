"use client";

import Link from "@/components/link";

/** Shown when neither Meilisearch nor PostgreSQL could answer a search. */
export default function SearchError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="card max-w-2xl space-y-3">
      <h1 className="text-2xl">Search is not working right now</h1>
      <p>We could not reach our clinic list. This is on our side, not yours. Please try again in a minute.</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={reset} className="btn">
          Try again
        </button>
        <Link href="/" className="btn-secondary">
          Go to the home page
        </Link>
      </div>
    </div>
  );
}
