import type { Metadata } from "next";
import Link from "@/components/link";

export const metadata: Metadata = {
  title: "For clinics",
  description:
    "Claim your clinic's listing on Aftercare Atlas and keep your prices and aftercare up to date.",
};

export default function ForClinicsPage() {
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl">For clinics</h1>
      <p>
        People use Aftercare Atlas to compare what happens <em>after</em> a ketamine treatment, and what a
        whole course costs. Out-of-date listings are the biggest complaint about clinic directories. Here, you
        keep your own listing true, and every change shows up in search within seconds.
      </p>
      <section aria-labelledby="how-h" className="space-y-3">
        <h2 id="how-h" className="text-xl">
          How to claim your listing
        </h2>
        <ol className="list-decimal space-y-2 pl-5">
          <li>
            <Link href="/signin?next=/dashboard">Sign in</Link> with your work email. We email you a link;
            there is no password.
          </li>
          <li>Open your clinic's page and choose “Claim this listing”.</li>
          <li>
            If your email address is at your clinic's website domain (for example{" "}
            <code>jane@yourclinic.com</code> for <code>https://www.yourclinic.com</code>), you can edit at
            once. Otherwise our editors check your claim by hand, usually within two working days, and email
            you the answer.
          </li>
          <li>As the owner, you can invite colleagues by email to help edit.</li>
        </ol>
      </section>
      <section aria-labelledby="rules-h" className="space-y-3">
        <h2 id="rules-h" className="text-xl">
          What you can change
        </h2>
        <p>
          Your aftercare, prices, treatments, place and hours, and contact details. When you change a price,
          it is shown as “from the clinic” with the date. Only our editors can hide a listing, or mark it and
          its prices as checked.
        </p>
        <p>
          Every change is kept in the listing's history with who made it and when. Owners can restore an
          earlier version at any time.
        </p>
      </section>
    </div>
  );
}
