import { randomBytes } from "node:crypto";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import postgres from "postgres";

/**
 * The e2e suite's fixtures, on top of Playwright's own:
 * - `sql`: a connection to the run's PostgreSQL (one per worker), for setting up and checking rows;
 * - `signInAs(context, email)`: signs a browser context in without the emailed link, by writing the
 *   Auth.js database session row and setting its cookie, as a completed email sign-in would. One test
 *   (clinic-account.spec.ts) still signs in through the real email flow.
 */

/** The cookie Auth.js reads a database session from on a plain-http site (`__Secure-` only over https). */
const SESSION_COOKIE = "authjs.session-token";

export const adminEmail = (process.env.E2E_ADMIN_EMAILS ?? "").split(",")[0]!.trim();
export const mailDir = process.env.E2E_MAIL_DIR!;

export type Sql = ReturnType<typeof postgres>;

/** The user row for `email`, created when missing (as the first sign-in does); its id. */
export async function ensureUser(sql: Sql, email: string): Promise<string> {
  const normalized = email.trim().toLowerCase();
  const [user] = await sql<{ id: string }[]>`
    insert into users (id, email, email_verified) values (${crypto.randomUUID()}, ${normalized}, now())
    on conflict do nothing returning id`;
  return user?.id ?? (await sql<{ id: string }[]>`select id from users where email = ${normalized}`)[0]!.id;
}

/** A user row for `email` (created when missing, as the first sign-in does) and a fresh session for it. */
export async function createSession(sql: Sql, email: string): Promise<{ userId: string; token: string }> {
  const userId = await ensureUser(sql, email);
  const token = randomBytes(32).toString("hex");
  await sql`insert into sessions (session_token, user_id, expires)
    values (${token}, ${userId}, now() + interval '1 day')`;
  return { userId, token };
}

type Fixtures = {
  signInAs: (context: BrowserContext, email: string) => Promise<{ userId: string }>;
  /** A new browser context signed in as `email`, and a page in it (closed after the test). */
  signedInPage: (email: string) => Promise<{ context: BrowserContext; page: Page; userId: string }>;
};

export const test = base.extend<Fixtures, { sql: Sql }>({
  sql: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for
    async ({}, provide) => {
      const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 2, onnotice: () => {} });
      await provide(sql);
      await sql.end();
    },
    { scope: "worker" },
  ],
  signInAs: async ({ sql, baseURL }, provide) => {
    await provide(async (context, email) => {
      const { userId, token } = await createSession(sql, email);
      await context.addCookies([
        { name: SESSION_COOKIE, value: token, url: baseURL!, httpOnly: true, sameSite: "Lax" },
      ]);
      return { userId };
    });
  },
  signedInPage: async ({ browser, signInAs }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (email) => {
      const context = await browser.newContext();
      contexts.push(context);
      const { userId } = await signInAs(context, email);
      return { context, page: await context.newPage(), userId };
    });
    for (const c of contexts) await c.close();
  },
});

/**
 * Fails the test when a script on `page` opens a dialog: the hostile-text payloads the specs type
 * call `alert`, so a dialog means text ran as script.
 */
export function failOnDialog(page: Page): void {
  page.on("dialog", (d) => {
    throw new Error(`a script ran and opened a dialog: ${d.message()}`);
  });
}

export { expect };
