import type { AnchorHTMLAttributes } from "react";

/** The attribute that marks a link for client-side navigation (see link-navigation.tsx). */
export const NAV_ATTRIBUTE = "data-nav";

/**
 * A link to a page of this site that, once the page is interactive, opens without a full reload
 * (client-side navigation, as Next's `Link` does): a plain `<a>` marked with `data-nav`, which the
 * one click listener of `LinkNavigation` (in the root layout) hands to the router. Without
 * JavaScript, or opened in a new tab (Ctrl/⌘/Shift/middle click, `target`, `download`), it is an
 * ordinary link.
 *
 * Why not `next/link`: every page here is rendered per request, so it never prefetches (that
 * fetched a search page's twenty-odd pages on load), which leaves its click handler; for that it
 * cost every page ~3 KB of JavaScript (gzip), and each of the ~40 links of /clinics was a client
 * component the server rendered and described again in the page data. This is a plain element:
 * it renders the same `<a>` in server and client components alike.
 */
export default function Link({ href, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  // `href` after the other attributes, where next/link put it: the same HTML as before.
  return <a {...props} href={href} {...{ [NAV_ATTRIBUTE]: "" }} />;
}
