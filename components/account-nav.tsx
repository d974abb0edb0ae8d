import Link from "@/components/link";
import { signOutAction } from "@/lib/auth/sign-out";
import { currentActor } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/errors";

/** The header's account links: "Sign out" (a form: it works without JavaScript) when signed in. */
export async function AccountNav() {
  // While the database is not answering nobody can be looked up: show no account links rather
  // than fail the page (a form on it says what happened when the person presses Save).
  const actor = await currentActor().catch((err: unknown) => {
    if (isDatabaseUnavailable(err)) return null;
    throw err;
  });
  if (!actor) return null;
  return (
    <div className="flex flex-wrap items-center gap-x-1 text-[0.95rem]">
      <Link className="inline-flex min-h-11 items-center px-2" href="/dashboard">
        My listings
      </Link>
      {actor.role === "admin" && (
        <Link className="inline-flex min-h-11 items-center px-2" href="/admin">
          Admin
        </Link>
      )}
      <form action={signOutAction}>
        <button
          type="submit"
          className="inline-flex min-h-11 items-center px-2 text-accent-700 underline underline-offset-2 hover:text-accent-800"
          title={`Signed in as ${actor.email}`}
        >
          Sign out
        </button>
      </form>
    </div>
  );
}
