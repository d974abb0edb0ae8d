import Link from "@/components/link";
import { ClinicSearchForm } from "@/components/search-form";

export default function ClinicNotFound() {
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl">We couldn&apos;t find that clinic</h1>
      <p>
        The link may be mistyped, or the clinic may have left the directory. Listings can also be hidden for a
        while when we check their details.
      </p>
      <ClinicSearchForm id="not-found-q" />
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <Link href="/clinics">Browse all clinics</Link>
        </li>
        <li>
          <Link href="/guide">Read our guide to choosing a clinic</Link>
        </li>
      </ul>
    </div>
  );
}
