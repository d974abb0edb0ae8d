"use client";

import { useEffect } from "react";

export type StickyEdge = "top" | "bottom";

/**
 * Keeps `--sticky-<edge>` on the root element equal to `el`'s height until the returned function
 * is called, so the `scroll-padding` in globals.css keeps a focused element out from under a
 * sticky bar (WCAG 2.2 SC 2.4.11). The height follows the element (text zoom, wrapping, items).
 */
export function watchStickyHeight(el: HTMLElement, edge: StickyEdge): () => void {
  const root = document.documentElement;
  const name = `--sticky-${edge}`;
  const set = () => root.style.setProperty(name, `${Math.ceil(el.getBoundingClientRect().height)}px`);
  const observer = new ResizeObserver(set);
  observer.observe(el);
  set();
  return () => {
    observer.disconnect();
    root.style.removeProperty(name);
  };
}

/** `watchStickyHeight` for a server-rendered sticky element, found by its id. Renders nothing. */
export function StickyOffset({ target, edge }: { target: string; edge: StickyEdge }) {
  useEffect(() => {
    const el = document.getElementById(target);
    return el ? watchStickyHeight(el, edge) : undefined;
  }, [target, edge]);
  return null;
}
