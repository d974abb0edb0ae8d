"use client";

import { useEffect } from "react";
import type { TrayItem } from "@/lib/compare/tray";
import { tray } from "./store";

/**
 * On the comparison page: makes the compare list hold the clinics being compared, so a shared link
 * fills it and "Remove" in the table takes the clinic out of it too. Renders nothing.
 */
export function MatchTray({ items }: { items: TrayItem[] }) {
  const key = JSON.stringify(items);
  useEffect(() => {
    tray.match(JSON.parse(key) as TrayItem[]);
  }, [key]);
  return null;
}
