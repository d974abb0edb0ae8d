import type { Metadata } from "next";
import Link from "@/components/link";
import { ActionForm } from "@/components/action-form";
import { getDb } from "@/lib/db";
import { dateShort } from "@/lib/format";
import { LINK_REFUSALS } from "@/lib/prices/links";
import { inspectPriceLink } from "@/lib/prices/reminders";
import { confirmPricesAction } from "./actions";

// The token must not travel on in a Referer header, and the page is nobody's search result.
export const metadata: Metadata = {
  title: "Confirm your prices",
  robots: { index: false },
  referrer: "no-referrer",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Where the "Prices are still correct" link of a price reminder email lands. Opening it changes
 * nothing (mail scanners open links too): the button posts the token, and only that spends it.
 */
export default async function VerifyPricesPage({ searchParams }: Props) {
  const token = (await searchParams).token;
  const view = await inspectPriceLink(getDb(), token);
  if (!view.ok) {
    return (
      <div className="max-w-xl space-y-4">
        <h1 className="text-3xl">This link does not work</h1>
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
          {LINK_REFUSALS[view.refusal]}
        </p>
        <p>
          <Link href="/dashboard">Sign in to your listings</Link>
        </p>
      </div>
    );
  }
  const c = view.clinic;
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl">Are these prices still correct?</h1>
      <p>
        The prices of <strong>{c.name}</strong> were last updated on{" "}
        {c.priceUpdatedAt ? dateShort(c.priceUpdatedAt) : "a date we do not know"}. If they still hold,
        confirm it: the listing then shows them as checked today. No sign-in needed; this link works once.
      </p>
      <ActionForm
        action={confirmPricesAction}
        hidden={{ token: String(token) }}
        submitLabel="Prices are still correct"
      />
      <p>
        Did they change? <Link href={`/dashboard/listings/${c.id}`}>Update prices</Link> (you sign in first).{" "}
        <Link href={`/clinics/${c.slug}`}>See the listing</Link>.
      </p>
    </div>
  );
}
