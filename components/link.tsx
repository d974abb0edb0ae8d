import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * Next's `Link` (client-side navigation) without prefetching the pages it points to. Every page here
 * is rendered per request, so prefetching a search page's twenty-odd links fetched and processed as
 * many pages on load: data a phone user on a small plan did not ask for, and main-thread work that
 * delayed the page becoming responsive. A link can still opt in with `prefetch`.
 */
export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
