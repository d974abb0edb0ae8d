import "server-only";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { appMailer, siteUrl } from "@/lib/mail/app";
import { sendPriceReminders } from "./reminders";

/** How often each server process runs a reminder pass, and how long after start the first one runs. */
const REMINDER_INTERVAL_MS = 60 * 60 * 1000;
const FIRST_PASS_MS = 60 * 1000;

const g = globalThis as unknown as { __atlasPriceReminders?: () => void };

/**
 * Starts, once per server process, the price reminder job (lib/prices/reminders.ts): a pass a minute
 * after start, then every hour. Every process runs it; the advisory lock and the `price_reminders`
 * rows make sure each reminder is sent once. A failed pass (no database) is logged and retried at
 * the next one. `PRICE_REMINDERS=off` keeps this process from sending any.
 */
export function startPriceReminders(): void {
  if (g.__atlasPriceReminders || serverEnv().PRICE_REMINDERS === "off") return;
  const log = (m: string) => console.log(`[price reminders] ${m}`);
  let timer: NodeJS.Timeout;
  const pass = async () => {
    try {
      const r = await sendPriceReminders({ db: getDb(), mailer: appMailer(), siteUrl });
      if (r.sent || r.failed)
        log(`sent ${r.sent} email(s) for ${r.due.length} listing(s); ${r.failed} failed`);
    } catch (err) {
      log(`pass failed: ${(err as Error).message}`);
    }
    timer = setTimeout(() => void pass(), REMINDER_INTERVAL_MS);
    timer.unref();
  };
  timer = setTimeout(() => void pass(), FIRST_PASS_MS);
  timer.unref();
  g.__atlasPriceReminders = () => clearTimeout(timer);
}
