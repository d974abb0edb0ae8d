import "server-only";
import { fromThisMachine } from "@/lib/auth/client-address";
import { serverEnv } from "@/lib/env";

/**
 * /dev/mail shows the local mail sink, which holds sign-in links: anyone who can read it can sign in
 * as anyone. So it answers only while the sink is in use (no EMAIL_SERVER) AND the request was made
 * on this machine: the connection's peer address is loopback (from the socket, not from a header a
 * client can write) and nothing says it came through a proxy. Everything else is a 404.
 */
export function devMailDir(headers: Headers): string | null {
  const dir = serverEnv().MAIL_SINK_DIR;
  return dir && fromThisMachine(headers) ? dir : null;
}
