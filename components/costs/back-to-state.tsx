"use client";

import Link from "@/components/link";
import { useParams } from "next/navigation";
import { costsHref, stateFromParam } from "@/lib/costs/links";
import { STATE_NAMES } from "@/lib/labels";

/**
 * On a 404 under /costs/[state]/…: a link back to the state's page when the state part is real.
 * A client component only because a not-found page receives no params; without JavaScript the
 * link is still in the server-rendered HTML.
 */
export function BackToState() {
  const params = useParams<{ state?: string; city?: string }>();
  const state = typeof params.state === "string" ? stateFromParam(params.state) : null;
  if (!state) return null;
  return (
    <p className="text-lg">
      <Link href={costsHref(state)}>Go to the {STATE_NAMES[state]} page</Link>, which lists its cities.
    </p>
  );
}
