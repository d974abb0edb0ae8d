import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { users } from "@/db/schema";
import { acceptInvites } from "@/lib/claims/service";
import { serverEnv } from "@/lib/env";
import { roleForEmail } from "./config-schemas";

/** After each successful sign-in: the role from ADMIN_EMAILS, and open invitations become memberships. */
export async function onSignedIn(db: Db, user: { id: string; email: string }): Promise<void> {
  await db
    .update(users)
    .set({ role: roleForEmail(user.email, serverEnv().ADMIN_EMAILS) })
    .where(eq(users.id, user.id));
  await acceptInvites(db, user);
}
