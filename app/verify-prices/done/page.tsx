import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import Link from "@/components/link";
import { dateShort } from "@/lib/format";
import { getPublishedClinicsBySlugs } from "@/lib/listings/queries";
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from "@/lib/listings/slug";

export const metadata: Metadata = { title: "Prices confirmed", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const slugSchema = z.string().max(SLUG_MAX_LENGTH).regex(SLUG_PATTERN);

/**
 * Where "Prices are still correct" lands once the link has done its work: the listing's price date as
 * it now stands (public, like the listing itself; the page changes nothing).
 */
export default async function PricesConfirmedPage({ searchParams }: Props) {
  const slug = slugSchema.safeParse((await searchParams).c);
  if (!slug.success) notFound();
  const [c] = await getPublishedClinicsBySlugs([slug.data]);
  if (!c) notFound();
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl">Thank you</h1>
      <p role="status" className="rounded-md border border-accent-700 bg-accent-50 p-3">
        The prices of “{c.name}” now show as checked
        {c.priceUpdatedAt ? ` on ${dateShort(c.priceUpdatedAt)}` : ""}.
      </p>
      <p>
        <Link href={`/clinics/${c.slug}`}>See the listing</Link>
      </p>
    </div>
  );
}
