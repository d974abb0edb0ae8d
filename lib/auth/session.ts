import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { databaseAvailable } from "@/lib/db-status";
import { serverEnv } from "@/lib/env";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "@/lib/errors";
import { type Actor, type SignedIn } from "./authz";
import { auth } from "./config";
import { roleForEmail } from "./config-schemas";
import { safeReturnPath } from "./return-path";

/**
 * The signed-in person of this request, or null. The role comes from ADMIN_EMAILS on EVERY request
 * (so removing an address takes effect at once) and is written back to `users.role` when it changed.
 */
export const currentActor = cache(async (): Promise<Actor> => {
  // The session lives in PostgreSQL: while it does not answer, say so (actions show it in the form)
  // rather than let Auth.js log a failed lookup and treat the person as signed out.
  if (!(await databaseAvailable())) throw new DatabaseUnavailableError();
  const session = await auth();
  const id = session?.user?.id;
  const email = session?.user?.email;
  if (!id || !email) return null;
  const role = roleForEmail(email, serverEnv().ADMIN_EMAILS);
  try {
    await getDb()
      .update(users)
      .set({ role })
      .where(and(eq(users.id, id), ne(users.role, role)));
  } catch (err) {
    // The role above comes from ADMIN_EMAILS, not from this copy: if the connection dropped, the
    // write-back waits for the next request instead of turning this one into a server error.
    if (!isDatabaseUnavailable(err)) throw err;
  }
  return { id, email, role };
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
