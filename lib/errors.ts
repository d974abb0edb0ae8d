import { z } from "zod";
import { UNSTORABLE_TEXT_MESSAGE } from "@/lib/listings/schema";

/**
 * Errors whose message is written for the person using the site: a typed `code` for the code, a
 * plain sentence for the person. Anything else that reaches an action is logged and reported as a
 * generic failure, so internals never leak into a page.
 */
export class SafeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type ActionFailure = { ok: false; code: string; message: string };

const GENERIC_FAILURE = "Something went wrong on our side. Nothing was saved. Please try again.";

export const DATABASE_UNAVAILABLE_MESSAGE =
  "The database is not answering, so nothing was saved. Your changes are still here: try again in a minute.";

/** Thrown when a request needs PostgreSQL while it is not answering (see lib/db-status.ts). */
export class DatabaseUnavailableError extends SafeError {
  constructor() {
    super("unavailable", DATABASE_UNAVAILABLE_MESSAGE);
  }
}

/**
 * PostgreSQL SQLSTATEs that mean "not answering right now", not "your query is wrong": connection
 * exceptions (class 08), shutting down or starting up (57P01–57P03), too many connections (53300).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
/** What the socket or postgres.js says when a connection cannot be made or was dropped. */
const UNAVAILABLE_CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/** An error, then its cause, its cause's cause …: at most `max` of them. */
export function* causes(err: unknown, max = 8): Generator<unknown> {
  for (let e: unknown = err, n = 0; e && n < max; e = (e as { cause?: unknown }).cause, n++) yield e;
}

/** An error and its causes, as one line ("Request to … has failed: fetch failed: other side closed"). */
export function errorChain(err: unknown): string {
  return Array.from(causes(err, 5), (e) => (e instanceof Error ? e.message : String(e))).join(": ");
}

/** Did this error come from the database not answering (down, starting up, connection dropped)? */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  for (const e of causes(err, 4)) {
    if (typeof e !== "object") break;
    const code = (e as { code?: unknown }).code;
    if (typeof code !== "string") continue;
    if (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_CONNECTION_CODES.has(code)) return true;
  }
  return false;
}

/** SQLSTATEs of text PostgreSQL cannot store (a NUL byte; a character with no UTF-8 form). */
const UNSTORABLE_TEXT_SQLSTATE = new Set(["22021", "22P05"]);

/** The failure to show for an error thrown by a domain function; unexpected ones are logged. */
export function toFailure(err: unknown, context: string): ActionFailure {
  if (err instanceof SafeError) return { ok: false, code: err.code, message: err.message };
  if (isDatabaseUnavailable(err)) {
    console.warn(`[${context}] the database is not answering: ${rootMessage(err)}`);
    return { ok: false, code: "unavailable", message: DATABASE_UNAVAILABLE_MESSAGE };
  }
  const sqlState = pgErrorCode(err);
  if (sqlState && UNSTORABLE_TEXT_SQLSTATE.has(sqlState)) {
    return { ok: false, code: "invalid", message: UNSTORABLE_TEXT_MESSAGE };
  }
  // Input that failed a schema: its messages are written for people.
  if (err instanceof z.ZodError) {
    return {
      ok: false,
      code: "invalid",
      message: err.issues[0]?.message ?? "Check your answers and try again.",
    };
  }
  console.error(`[${context}]`, err);
  return { ok: false, code: "internal", message: GENERIC_FAILURE };
}

/** The PostgreSQL error code of a failed query ("23505" for a unique violation), also when wrapped by Drizzle. */
export function pgErrorCode(err: unknown): string | undefined {
  for (const e of causes(err, 3)) {
    if (typeof e !== "object") break;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** The innermost message of an error (Drizzle's wrapper carries the whole SQL text; the cause says what failed). */
export function rootMessage(err: unknown): string {
  let e: unknown = err;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}
