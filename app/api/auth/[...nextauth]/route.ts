import { getDb } from "@/db/client";
import { handlers } from "@/lib/auth/config";
import { clientIp, signInRateLimit, waitText } from "@/lib/auth/rate-limit";
import { emailInputSchema } from "@/lib/claims/schema";

export const { GET } = handlers;

/**
 * Auth.js's POST endpoints, with sign-in link requests rate limited (5 per email and 20 per IP
 * address in 15 minutes, counted in PostgreSQL) before Auth.js sends anything: 429 when over.
 */
export async function POST(req: Request): Promise<Response> {
  const { pathname } = new URL(req.url);
  if (/\/signin\/(nodemailer|email)$/.test(pathname)) {
    const form = await req
      .clone()
      .formData()
      .catch(() => null);
    const email = emailInputSchema.safeParse(form?.get("email"));
    if (!email.success) {
      return Response.json(
        { error: "invalid_email", message: email.error.issues[0]?.message },
        { status: 400 },
      );
    }
    const limit = await signInRateLimit(getDb(), { email: email.data, ip: clientIp(req.headers) });
    if (!limit.ok) {
      return Response.json(
        {
          error: "rate_limited",
          message: `Too many sign-in requests. Please wait ${waitText(limit.retryAfterSeconds)} and try again.`,
        },
        { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
      );
    }
  }
  return handlers.POST(req as Parameters<typeof handlers.POST>[0]);
}
