import { z } from "zod";

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

export const GENERIC_FAILURE = "Something went wrong on our side. Nothing was saved. Please try again.";

/** The failure to show for an error thrown by a domain function; unexpected ones are logged. */
export function toFailure(err: unknown, context: string): ActionFailure {
  if (err instanceof SafeError) return { ok: false, code: err.code, message: err.message };
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
  for (
    let e: unknown = err, depth = 0;
    e && typeof e === "object" && depth < 3;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
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
