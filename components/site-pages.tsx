import Link from "@/components/link";
import { COMPARE_MAX } from "@/lib/compare/href";

/**
 * The site's main pages, declared once: the header's navigation shows them by their short name,
 * the 404 page lists them with what each is for.
 */
const MAIN_PAGES = [
  {
    href: "/clinics",
    nav: "Find a clinic",
    title: "Find a clinic",
    about: "search and filter every clinic by aftercare and price",
  },
  {
    href: "/compare",
    nav: "Compare",
    title: "Compare clinics",
    about: `put up to ${COMPARE_MAX} clinics side by side`,
  },
  {
    href: "/costs",
    nav: "Costs",
    title: "Costs across the US",
    about: "what a session and a whole course cost, by state",
  },
  { href: "/guide", nav: "Guide", title: "The guide", about: "what ketamine therapy and aftercare involve" },
] as const;

/** The header's navigation. */
export function MainNav() {
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-x-1 text-[0.95rem]">
        {MAIN_PAGES.map((p) => (
          <li key={p.href}>
            <Link className="inline-flex min-h-11 items-center px-2" href={p.href}>
              {p.nav}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The main pages as a list with what each is for, and the home page (for pages that lost a reader). */
export function MainPagesList() {
  return (
    <ul className="space-y-1">
      {MAIN_PAGES.map((p) => (
        <li key={p.href}>
          <Link href={p.href} className="tap">
            {p.title}
          </Link>{" "}
          <span className="text-muted">— {p.about}</span>
        </li>
      ))}
      <li>
        <Link href="/" className="tap">
          Home page
        </Link>
      </li>
    </ul>
  );
}
