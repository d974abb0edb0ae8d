import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { clinicMembers, clinics, priceReminders } from "@/db/schema";
import { dateShort } from "@/lib/format";
import { todayUtc } from "@/lib/listings/schema";
import { ListingConflictError, updateListing, type Tx } from "@/lib/listings/service";
import { priceReminderMail } from "@/lib/mail/messages";
import { trySend, type Mailer } from "@/lib/mail/send";
import {
  hashLinkToken,
  LINK_DAYS,
  linkExpiry,
  linkRefusal,
  linkTokenSchema,
  newLinkToken,
  REMINDER_GAP_DAYS,
  reminderCutoffs,
  type LinkRefusal,
  type PriceReminderKind,
} from "./links";

/**
 * Price reminders (issue 16, part 3). The owners of a published listing are emailed when its prices
 * are `REMIND_AFTER_DAYS` old, and again once they are over a year old (stale: the cards, profile
 * and comparison say so). Each kind is sent once per price date, and a listing gets at most one
 * reminder in `REMINDER_GAP_DAYS`, read from the `price_reminders` rows; a pass holds a transaction
 * advisory lock, so two server processes (or the command and a server) never send the same reminder.
 * The email's "Prices are still correct" link dates the prices today without signing in
 * (`confirmPrices`), once, for `LINK_DAYS`.
 */

export type ReminderDeps = { db: Db; mailer: Mailer; siteUrl: (path: string) => string };

export type DueReminder = {
  clinicId: string;
  name: string;
  slug: string;
  priceDate: string;
  kind: PriceReminderKind;
  owners: { userId: string; email: string }[];
};

/** Only one pass at a time, across every process: `pg_try_advisory_xact_lock` on this key. */
const REMINDER_LOCK_KEY = 0x9e1c3d;

const DAY_MS = 86_400_000;

/** The published listings whose owners are due a reminder at `now`, oldest prices first. */
async function dueReminders(db: Db | Tx, now: Date, limit = 500): Promise<DueReminder[]> {
  const { firstBy, staleBy } = reminderCutoffs(now);
  const gapStart = new Date(now.getTime() - REMINDER_GAP_DAYS * DAY_MS).toISOString();
  const kind = sql`(case when c.price_updated_at <= ${staleBy}::date then '12_months' else '90_days' end)::price_reminder_kind`;
  const rows = await db.execute<{
    id: string;
    name: string;
    slug: string;
    price_date: string;
    kind: PriceReminderKind;
    owners: { userId: string; email: string }[];
  }>(sql`
    select c.id, c.name, c.slug, c.price_updated_at::text as price_date, ${kind} as kind,
           json_agg(json_build_object('userId', u.id, 'email', u.email) order by u.email) as owners
    from clinics c
    join clinic_members m on m.clinic_id = c.id and m.role = 'owner'
    join users u on u.id = m.user_id
    where c.status = 'published'
      and c.price_updated_at <= ${firstBy}::date
      and not exists (select 1 from price_reminders r
                      where r.clinic_id = c.id and r.sent_at > ${gapStart}::timestamptz)
      and not exists (select 1 from price_reminders r
                      where r.clinic_id = c.id and r.price_date = c.price_updated_at and r.kind = ${kind})
    group by c.id
    order by c.price_updated_at, c.id
    limit ${limit}`);
  return rows.map((r) => ({
    clinicId: r.id,
    name: r.name,
    slug: r.slug,
    priceDate: r.price_date,
    kind: r.kind,
    owners: r.owners,
  }));
}

export type ReminderRun = {
  /** What this pass sent (or, in a dry run, would send). */
  due: DueReminder[];
  /** Emails sent, and emails the mail server did not take (their rows are deleted: a later pass retries). */
  sent: number;
  failed: number;
  /** Another process was sending at that moment: this pass did nothing. */
  busy: boolean;
};

/**
 * One pass of the reminder job. With `dryRun`, only lists what it would send. Otherwise records one
 * row per owner (with the hash of their link's token) in one transaction under the advisory lock,
 * then sends the emails after it commits.
 */
export async function sendPriceReminders(
  deps: ReminderDeps,
  opts: { now?: Date; dryRun?: boolean; limit?: number } = {},
): Promise<ReminderRun> {
  const now = opts.now ?? new Date();
  if (opts.dryRun) {
    return { due: await dueReminders(deps.db, now, opts.limit), sent: 0, failed: 0, busy: false };
  }
  const batch = await deps.db.transaction(async (tx) => {
    const [lock] = await tx.execute<{ ok: boolean }>(
      sql`select pg_try_advisory_xact_lock(${REMINDER_LOCK_KEY}) as ok`,
    );
    if (!lock?.ok) return null;
    const due = await dueReminders(tx, now, opts.limit);
    const mails = due.flatMap((d) => d.owners.map((o) => ({ d, o, ...newLinkToken() })));
    if (mails.length === 0) return { due, mails: [] };
    const rows = await tx
      .insert(priceReminders)
      .values(
        mails.map((m) => ({
          clinicId: m.d.clinicId,
          userId: m.o.userId,
          kind: m.d.kind,
          priceDate: m.d.priceDate,
          tokenHash: m.hash,
          sentAt: now,
          expiresAt: linkExpiry(now),
        })),
      )
      .returning({ id: priceReminders.id });
    return { due, mails: mails.map((m, i) => ({ ...m, id: rows[i]!.id })) };
  });
  if (!batch) return { due: [], sent: 0, failed: 0, busy: true };
  let failed = 0;
  for (const m of batch.mails) {
    const ok = await trySend(
      deps.mailer,
      priceReminderMail({
        to: m.o.email,
        clinicName: m.d.name,
        priceDate: dateShort(m.d.priceDate),
        stale: m.d.kind === "12_months",
        confirmUrl: deps.siteUrl(`/verify-prices?token=${m.token}`),
        editUrl: deps.siteUrl(`/dashboard/listings/${m.d.clinicId}`),
        linkDays: LINK_DAYS,
      }),
    );
    if (!ok) {
      failed++;
      await deps.db.delete(priceReminders).where(eq(priceReminders.id, m.id));
    }
  }
  return { due: batch.due, sent: batch.mails.length - failed, failed, busy: false };
}

// ---------------------------------------------------------------- the one-click link

/** Why a link does not work, for the page that says so. */
type PriceLinkRefusal = LinkRefusal | "not_owner";

export type PriceLinkView =
  | { ok: true; clinic: { id: string; name: string; slug: string; priceUpdatedAt: string | null } }
  | { ok: false; refusal: PriceLinkRefusal };

async function findLink(db: Db, token: unknown) {
  const parsed = linkTokenSchema.safeParse(token);
  if (!parsed.success) return undefined;
  const [row] = await db
    .select({
      id: priceReminders.id,
      clinicId: priceReminders.clinicId,
      userId: priceReminders.userId,
      usedAt: priceReminders.usedAt,
      expiresAt: priceReminders.expiresAt,
      name: clinics.name,
      slug: clinics.slug,
      priceUpdatedAt: clinics.priceUpdatedAt,
      version: clinics.version,
    })
    .from(priceReminders)
    .innerJoin(clinics, eq(clinics.id, priceReminders.clinicId))
    .where(eq(priceReminders.tokenHash, hashLinkToken(parsed.data)))
    .limit(1);
  return row;
}

const viewOf = (l: NonNullable<Awaited<ReturnType<typeof findLink>>>): PriceLinkView => ({
  ok: true,
  clinic: { id: l.clinicId, name: l.name, slug: l.slug, priceUpdatedAt: l.priceUpdatedAt },
});

/** What a link would confirm, without using it (the page a click opens: a mail scanner spends nothing). */
export async function inspectPriceLink(db: Db, token: unknown, now = new Date()): Promise<PriceLinkView> {
  const link = await findLink(db, token);
  const refusal = linkRefusal(link, now);
  return refusal ? { ok: false, refusal } : viewOf(link!);
}

class LinkRefused extends Error {
  constructor(readonly refusal: PriceLinkRefusal) {
    super(refusal);
  }
}

/**
 * Uses a link: in one transaction (the listing write path's, `updateListing`), checks that the
 * link's recipient still owns the listing, spends the link, and dates the listing's prices today as
 * the clinic's (a revision in its history, the search index updated through the outbox). A link
 * that was used, expired, or never existed changes nothing.
 */
export async function confirmPrices(db: Db, token: unknown, now = new Date()): Promise<PriceLinkView> {
  for (let attempt = 1; ; attempt++) {
    const link = await findLink(db, token);
    const refusal = linkRefusal(link, now);
    if (refusal) return { ok: false, refusal };
    const l = link!;
    try {
      await updateListing(db, {
        id: l.clinicId,
        userId: l.userId,
        expectedVersion: l.version,
        patch: { priceUpdatedAt: todayUtc(now), priceSource: "clinic_reported" },
        note: "Prices confirmed as still correct by the owner (price reminder email)",
        guard: async (tx) => {
          const [owner] = await tx
            .select({ userId: clinicMembers.userId })
            .from(clinicMembers)
            .where(
              and(
                eq(clinicMembers.clinicId, l.clinicId),
                eq(clinicMembers.userId, l.userId),
                eq(clinicMembers.role, "owner"),
              ),
            );
          if (!owner) throw new LinkRefused("not_owner");
          const spent = await tx
            .update(priceReminders)
            .set({ usedAt: now })
            .where(
              and(
                eq(priceReminders.id, l.id),
                isNull(priceReminders.usedAt),
                gt(priceReminders.expiresAt, now),
              ),
            )
            .returning({ id: priceReminders.id });
          if (spent.length === 0) throw new LinkRefused("used");
        },
      });
      return viewOf({ ...l, priceUpdatedAt: todayUtc(now) });
    } catch (err) {
      if (err instanceof LinkRefused) return { ok: false, refusal: err.refusal };
      // Someone saved the listing between the lookup and the write: look again.
      if (err instanceof ListingConflictError && attempt < 3) continue;
      throw err;
    }
  }
}
