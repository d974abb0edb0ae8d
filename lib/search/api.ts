import type { QueryIssue } from "./query";

/** The JSON error of the public API: a typed code, the parameter at fault, and a safe message. */
export function apiError(
  status: number,
  error: { code: string; message: string; parameter?: string },
): Response {
  return Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
}

export const invalidParameter = (issue: Pick<QueryIssue, "parameter" | "message">) =>
  apiError(400, { code: "invalid_parameter", parameter: issue.parameter, message: issue.message });
