// npm run prices:remind [-- --dry-run] — sends the price reminders that are due now (the running
// server does this every hour by itself; lib/prices/reminders.ts), or with --dry-run only lists them.
// Mail goes to EMAIL_SERVER, or, when it is not set, to the local mail sink's folder (as `npm start`'s).
import path from "node:path";
import { createDb } from "@/db/connect";
import { DEFAULT_EMAIL_FROM } from "@/lib/auth/config-schemas";
import { PRICE_REMINDER_KIND_LABELS } from "@/lib/labels";
import { startMailSink } from "@/lib/mail/sink";
import { smtpMailer } from "@/lib/mail/send";
import { sendPriceReminders, type DueReminder } from "@/lib/prices/reminders";
import { readConfig, siteUrlOf } from "./lib/config";
import { withDatabase } from "./lib/stack";

const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
if (args.some((a) => a !== "--dry-run")) {
  console.error("Usage: npm run prices:remind [-- --dry-run]");
  process.exit(2);
}

const LIMIT = 500;
const describe = (d: DueReminder) =>
  `  ${PRICE_REMINDER_KIND_LABELS[d.kind]} (${d.priceDate}): ${d.name} (/clinics/${d.slug}) → ${d.owners.map((o) => o.email).join(", ")}`;

const cfg = readConfig();
await withDatabase(async (url) => {
  const conn = createDb(url, { max: 2 });
  const sink =
    dryRun || cfg.EMAIL_SERVER ? undefined : await startMailSink({ dir: path.join(cfg.dataDir, "mail") });
  const deps = {
    db: conn.db,
    mailer: smtpMailer(cfg.EMAIL_SERVER ?? sink?.url, cfg.EMAIL_FROM ?? DEFAULT_EMAIL_FROM),
    siteUrl: (p: string) => new URL(p, siteUrlOf(cfg)).toString(),
  };
  try {
    if (dryRun) {
      const r = await sendPriceReminders(deps, { dryRun: true, limit: 100_000 });
      for (const d of r.due) console.log(describe(d));
      const emails = r.due.reduce((n, d) => n + d.owners.length, 0);
      console.log(`Dry run: would send ${emails} email(s) for ${r.due.length} listing(s). Nothing was sent.`);
      return;
    }
    let sent = 0;
    let failed = 0;
    let listings = 0;
    for (;;) {
      const r = await sendPriceReminders(deps, { limit: LIMIT });
      if (r.busy) {
        console.log("Another process is sending price reminders right now; try again in a minute.");
        break;
      }
      for (const d of r.due) console.log(describe(d));
      sent += r.sent;
      failed += r.failed;
      listings += r.due.length;
      if (r.due.length < LIMIT || r.failed > 0) break;
    }
    console.log(
      `Sent ${sent} email(s) for ${listings} listing(s)${failed ? `; ${failed} could not be sent` : ""}.`,
    );
    if (sink) console.log(`No EMAIL_SERVER set: the emails are in ${sink.dir} (see /dev/mail).`);
    if (failed) process.exitCode = 1;
  } finally {
    await sink?.stop();
    await conn.end();
  }
}).catch((err: unknown) => {
  console.error(`Failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
