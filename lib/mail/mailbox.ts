import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The local mail sink's store: one JSON file per received message in a folder (`.data/mail/` for
 * `npm start`, a temporary folder for tests). Read by /dev/mail, the launcher's log and the tests.
 */
const storedMailSchema = z.object({
  id: z.string(),
  receivedAt: z.string(),
  from: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  links: z.array(z.string()),
});
export type StoredMail = z.infer<typeof storedMailSchema>;

/** Every http(s) link in a text, in order, without trailing punctuation. */
export function extractLinks(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s<>"')]+/g)].map((m) => m[0].replace(/[.,;:]+$/, ""));
}

export function writeMail(dir: string, mail: StoredMail): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${mail.id}.json`);
  writeFileSync(file, JSON.stringify(mail, null, 2), { mode: 0o600 });
  return file;
}

/** Messages in the folder, newest first (optionally only those to `to`). */
export function readMailbox(dir: string, opts: { to?: string; limit?: number } = {}): StoredMail[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".json"));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  const want = opts.to?.toLowerCase();
  const out: StoredMail[] = [];
  // File names start with the receive time in ms, zero-padded, so a reverse sort is newest first.
  for (const name of names.sort().reverse()) {
    const parsed = storedMailSchema.safeParse(JSON.parse(readFileSync(path.join(dir, name), "utf8")));
    if (!parsed.success) continue; // not one of ours
    if (want && !parsed.data.to.some((t) => t.toLowerCase() === want)) continue;
    out.push(parsed.data);
    if (opts.limit && out.length >= opts.limit) break;
  }
  return out;
}
