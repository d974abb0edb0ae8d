import "server-only";
import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { users } from "@/db/schema";
import { databaseAvailable } from "@/lib/db-status";
import { serverEnv } from "@/lib/env";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "@/lib/errors";
import { type Actor, type SignedIn } from "./authz";
import { auth } from "./config";
import { roleForEmail } from "./config-schemas";
import { safeReturnPath } from "./return-path";
import { hasSessionCookie } from "./session-cookie";

/**
 * The signed-in person of this request, or null. The session names the user by email only (it carries
 * no id: see `publicSession`); emails are unique. The role comes from ADMIN_EMAILS on EVERY request
 * (so removing an address takes effect at once) and is written back to `users.role` when it changed.
 */
export const currentActor = cache(async (): Promise<Actor> => {
  // The session lives in PostgreSQL: while it does not answer, say so (actions show it in the form)
  // rather than let Auth.js log a failed lookup and treat the person as signed out.
  if (!(await databaseAvailable())) throw new DatabaseUnavailableError();
  // No session cookie, no session: Auth.js is not asked. (On every call it also makes a CSRF token
  // with a SHA-256 digest: ~5% of the server's CPU for a /clinics render of a signed-out visitor.)
  if (!hasSessionCookie((await headers()).get("cookie"))) return null;
  const session = await auth();
  const email = session?.user?.email;
  if (!email) return null;
  const db = getDb();
  const [user] = await db
    .select({ id: users.id, email: users.email, role: users.role })
    .from(users)
    .where(eq(users.email, email));
  if (!user) return null;
  const role = roleForEmail(user.email, serverEnv().ADMIN_EMAILS);
  if (user.role !== role) {
    try {
      await db.update(users).set({ role }).where(eq(users.id, user.id));
    } catch (err) {
      // The role above comes from ADMIN_EMAILS, not from this copy: if the connection dropped, the
      // write-back waits for the next request instead of turning this one into a server error.
      if (!isDatabaseUnavailable(err)) throw err;
    }
  }
  return { id: user.id, email: user.email, role };
});

// A pure module of its own, so unit tests can import it without Auth.js.
export { safeReturnPath } from "./return-path";

/** For pages: the signed-in person, or a redirect to /signin that comes back to `returnTo`. */
export async function requireUserPage(returnTo: string): Promise<SignedIn> {
  const actor = await currentActor();
  if (!actor) redirect(`/signin?next=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return actor;
}

/** For admin pages: an admin, or a redirect to /signin (signed out) or the dashboard (not an admin). */
export async function requireAdminPage(returnTo: string): Promise<SignedIn> {
  const actor = await requireUserPage(returnTo);
  if (actor.role !== "admin") redirect("/dashboard?notice=admin-only");
  return actor;
}
