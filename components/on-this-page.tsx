/** A short table of contents for a long page: links to its sections, each a 44 px tap target. */
export function OnThisPage({ links }: { links: readonly (readonly [href: `#${string}`, label: string])[] }) {
  return (
    <nav aria-label="On this page" className="card no-print">
      <h2 className="text-base">On this page</h2>
      <ul className="mt-1 grid gap-x-6 sm:grid-cols-2">
        {links.map(([href, label]) => (
          <li key={href}>
            <a href={href} className="tap">
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
