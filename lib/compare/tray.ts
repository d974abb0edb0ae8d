import { COMPARE_MAX } from "./href";

/**
 * The compare tray's list, as pure functions over plain arrays: adding and removing with the
 * message to announce. Reading the list back from storage is `./tray-storage.ts` (with zod, loaded
 * only when storage holds a list). `components/compare/store.ts` keeps it in localStorage.
 */

export type TrayItem = { slug: string; name: string };
/** The list after a change, and what to announce; an empty message means the list did not change. */
export type TrayChange = { items: TrayItem[]; message: string };

export const NAME_MAX_LENGTH = 200;

/** The entry as the list keeps it: the name trimmed and at most `NAME_MAX_LENGTH` long. */
const entry = (i: TrayItem): TrayItem => ({ slug: i.slug, name: i.name.trim().slice(0, NAME_MAX_LENGTH) });

/** Each slug once: the first of it, in order. */
export function uniqueSlugs<T extends { slug: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.slug) && seen.add(i.slug));
}

/** Each slug once (the first), at most `COMPARE_MAX`. */
export function tidyTray(items: readonly TrayItem[]): TrayItem[] {
  return uniqueSlugs(items).slice(0, COMPARE_MAX);
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
  const next = [...items, entry(item)];
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
 * comparison takes it out of the list too. An empty message means nothing changed. `wanted` comes
 * from the server, which read its slugs with zod, so it is only tidied here.
 */
export function matchTray(items: readonly TrayItem[], wanted: readonly TrayItem[]): TrayChange {
  const next = tidyTray(wanted.map(entry));
  if (next.length === 0) return { items: [...items], message: "" }; // nothing to show: keep the list
  if (next.length === items.length && next.every((i, n) => i.slug === items[n]!.slug)) {
    return { items: [...items], message: "" };
  }
  return { items: next, message: `Your compare list now matches this comparison. ${count(next.length)}` };
}

export function clearTray(): TrayChange {
  return { items: [], message: "Cleared your compare list." };
}
