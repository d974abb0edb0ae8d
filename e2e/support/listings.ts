import type { Page } from "@playwright/test";
import { ensureUser, expect, type Sql } from "./fixtures";

export type CreatedListing = { id: string; slug: string; name: string; status: string };

/**
 * Creates a listing as an admin uses the site: the "Create a listing" form (a draft or live at once),
 * and for `suspended`, then "Hide (suspend)" on the admin page. `page` must be signed in as an admin.
 * The listing is a plain IV clinic in `city`, `state` with a per-session price.
 */
export async function createListingAsAdmin(
  page: Page,
  sql: Sql,
  opts: { name: string; city: string; state: string; status: "draft" | "published" | "suspended" },
): Promise<CreatedListing> {
  await page.goto("/admin/listings/new");
  await page.getByLabel("Clinic name").fill(opts.name);
  await page.getByLabel("City", { exact: true }).fill(opts.city);
  await page.getByLabel("State", { exact: true }).selectOption(opts.state);
  await page.getByLabel("IV infusion").check();
  await page.getByLabel("Languages").fill("English");
  await page.getByLabel("Price per session, lowest ($)").fill("400");
  await page.getByLabel("Price per session, highest ($)").fill("500");
  await page
    .getByLabel("Show it to the public?")
    .selectOption(opts.status === "draft" ? "draft" : "published");
  await page.getByRole("button", { name: "Create the listing" }).click();
  await expect(page).toHaveURL(/\/dashboard\/listings\/[0-9a-f-]{36}\?created=1$/);
  const id = /\/dashboard\/listings\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  const [row] = await sql<
    { slug: string; status: string }[]
  >`select slug, status from clinics where id = ${id}`;
  expect(row?.status).toBe(opts.status === "draft" ? "draft" : "published");

  if (opts.status === "suspended") {
    await page.goto(`/admin?q=${encodeURIComponent(row!.slug)}`);
    const card = page.getByTestId("admin-listing").filter({ hasText: opts.name });
    await card.getByRole("button", { name: "Hide (suspend)" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Hidden." })).toBeVisible();
    expect((await sql`select status from clinics where id = ${id}`)[0]?.status).toBe("suspended");
  }
  return { id, slug: row!.slug, name: opts.name, status: opts.status };
}

/** Waits until the search sync has pushed every change of these listings to Meilisearch. */
export async function searchSynced(sql: Sql, ids: string[]): Promise<void> {
  await expect
    .poll(
      async () =>
        (
          await sql<{ n: number }[]>`
            select count(*)::int as n from search_outbox where clinic_id in ${sql(ids)} and done_at is null`
        )[0]!.n,
      { timeout: 30_000 },
    )
    .toBe(0);
}

/**
 * A published listing with a per-session price that no one has joined or claimed, made owned by
 * `ownerEmail(listing)` (a user created for it). `offset` picks it in slug order (`desc` from the end):
 * give each spec its own range, and add `test.info().parallelIndex` times a step, so tests running
 * side by side never share a listing.
 */
export async function ownedListing(
  sql: Sql,
  opts: { offset: number; desc?: boolean; ownerEmail: (l: { id: string }) => string },
): Promise<{ id: string; name: string; slug: string; ownerEmail: string; ownerId: string }> {
  const [l] = await sql<{ id: string; name: string; slug: string }[]>`
    select id, name, slug from clinics c
    where status = 'published' and session_min is not null
      and not exists (select 1 from clinic_members m where m.clinic_id = c.id)
      and not exists (select 1 from claims k where k.clinic_id = c.id)
    order by slug ${opts.desc ? sql`desc` : sql`asc`} offset ${opts.offset} limit 1`;
  if (!l) throw new Error(`no unowned published listing at offset ${opts.offset}`);
  const ownerEmail = opts.ownerEmail(l);
  const ownerId = await ensureUser(sql, ownerEmail);
  await sql`insert into clinic_members (user_id, clinic_id, role) values (${ownerId}, ${l.id}, 'owner')`;
  return { ...l, ownerEmail, ownerId };
}
