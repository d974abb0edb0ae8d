import "@/lib/security/zod-jitless";
import * as z from "zod/mini";
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from "@/lib/listings/slug";
import { NAME_MAX_LENGTH, tidyTray, type TrayItem } from "./tray";

/**
 * Reading the compare list back from localStorage. Storage is untrusted: another tab, an old version
 * or a person may have written anything there. A module of its own so zod is fetched only when
 * storage holds a list (see `components/compare/store.ts`); zod/mini keeps that chunk small.
 */

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
  return parsed.success ? tidyTray(parsed.data) : [];
}
