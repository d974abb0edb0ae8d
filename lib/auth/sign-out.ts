"use server";

import { signOut } from "@/lib/auth/config";

/** Ends the session: Auth.js deletes its row in the database and clears the cookie. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/?signed-out=1" });
}
