"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { NAV_ATTRIBUTE } from "./link";

/**
 * Client-side navigation for every `Link` (components/link.tsx) on the page, from one click
 * listener: a plain left click on a link to this site goes through the router (no full reload, the
 * new URL pushed, scrolled to the top as a new page is), as `next/link` does. A click that asks
 * for something else is left to the browser: a modifier key (new tab or window, download), another
 * button, a `target` or `download` attribute, a link elsewhere, or one already handled. Rendered
 * once, in the root layout; renders nothing.
 */
export function LinkNavigation() {
  const router = useRouter();
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target instanceof Element ? e.target.closest(`a[${NAV_ATTRIBUTE}]`) : null;
      if (!(link instanceof HTMLAnchorElement) || link.hasAttribute("download")) return;
      if (link.target && link.target !== "_self") return;
      const url = new URL(link.href);
      if (url.origin !== window.location.origin) return;
      e.preventDefault();
      router.push(url.pathname + url.search + url.hash);
    };
    // After React's own listener (registered when the page hydrated), so a handler on the link
    // that prevents the default is seen here.
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [router]);
  return null;
}
