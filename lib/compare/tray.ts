import * as z from "zod/mini";
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from "@/lib/listings/slug";
import { COMPARE_MAX } from "./href";

/**
 * The compare tray's list, as pure functions over plain arrays: reading it back from storage
 * (untrusted: another tab, an old version or a person may have written anything there), adding and
 * removing with the message to announce. `components/compare/store.ts` keeps it in localStorage.
 * Uses zod/mini to keep the client bundle small.
 */

export type TrayItem = { slug: string; name: string };
/** The list after a change, and what to announce; an empty message means the list did not change. */
export type TrayChange = { items: TrayItem[]; message: string };

const NAME_MAX_LENGTH = 200;

const traySchema = z.array(
  z.object({
    slug: z.string().check(z.maxLength(SLUG_MAX_LENGTH), z.regex(SLUG_PATTERN)),
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(NAME_MAX_LENGTH)),
  }),
);

/** The list stored as `raw`: valid entries only, each slug once, at most `COMPARE_MAX`. */
export function parseTray(raw: string | null): TrayItem[] {
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    // Storage that is not JSON was not written by us: start the list again.
    return [];
  }
  const parsed = traySchema.safeParse(data);
  if (!parsed.success) return [];
  const seen = new Set<string>();
  return parsed.data.filter((i) => !seen.has(i.slug) && seen.add(i.slug)).slice(0, COMPARE_MAX);
}

const count = (n: number) => `${n} of ${COMPARE_MAX} chosen.`;

export function addToTray(items: readonly TrayItem[], item: TrayItem): TrayChange {
  if (items.some((i) => i.slug === item.slug)) {
    return { items: [...items], message: `${item.name} is already in your compare list.` };
  }
  if (items.length >= COMPARE_MAX) {
    return {
      items: [...items],
      message: `You can compare up to ${COMPARE_MAX} clinics. Remove one to add ${item.name}.`,
    };
  }
  const next = [...items, { slug: item.slug, name: item.name.trim().slice(0, NAME_MAX_LENGTH) }];
  return { items: next, message: `Added ${item.name} to compare. ${count(next.length)}` };
}

export function removeFromTray(items: readonly TrayItem[], slug: string): TrayChange {
  const gone = items.find((i) => i.slug === slug);
  const next = items.filter((i) => i.slug !== slug);
  return {
    items: next,
    message: gone ? `Removed ${gone.name} from compare. ${count(next.length)}` : "",
  };
}

/**
 * The list becomes exactly `wanted` (the clinics a comparison page shows), or stays as it is when it
 * already holds them in that order: a shared link fills the list, and removing a clinic from the
 * comparison takes it out of the list too. An empty message means nothing changed.
 */
export function matchTray(items: readonly TrayItem[], wanted: readonly TrayItem[]): TrayChange {
  const next = parseTray(JSON.stringify(wanted));
  if (next.length === 0) return { items: [...items], message: "" }; // nothing to show: keep the list
  if (next.length === items.length && next.every((i, n) => i.slug === items[n]!.slug)) {
    return { items: [...items], message: "" };
  }
  return { items: next, message: `Your compare list now matches this comparison. ${count(next.length)}` };
}

export function clearTray(): TrayChange {
  return { items: [], message: "Cleared your compare list." };
}
