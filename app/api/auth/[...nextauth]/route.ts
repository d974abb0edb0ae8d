import { getDb } from "@/lib/db";
import { clientAddress } from "@/lib/auth/client-address";
import { handlers } from "@/lib/auth/config";
import { linkWasSent, signInRateLimit, waitText } from "@/lib/auth/rate-limit";
import { emailInputSchema } from "@/lib/claims/schema";
import { serverEnv } from "@/lib/env";

export const { GET } = handlers;

/**
 * Auth.js's POST endpoints, with sign-in link requests rate limited (lib/auth/rate-limit.ts, counted
 * in PostgreSQL) before Auth.js sends anything: 429 when over. A request that sent no mail gives its
 * count against the email and the site back.
 */
export async function POST(req: Request): Promise<Response> {
  const { pathname } = new URL(req.url);
  if (!/\/signin\/(nodemailer|email)$/.test(pathname)) {
    return handlers.POST(req as Parameters<typeof handlers.POST>[0]);
  }
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
  const ip = clientAddress(req.headers, serverEnv().TRUST_PROXY_HOPS);
  const limit = await signInRateLimit(getDb(), { email: email.data, ip });
  if (!limit.ok) {
    return Response.json(
      {
        error: "rate_limited",
        message: `Too many sign-in requests. Please wait ${waitText(limit.retryAfterSeconds)} and try again.`,
      },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  let res: Response | undefined;
  try {
    res = await handlers.POST(req as Parameters<typeof handlers.POST>[0]);
    return res;
  } finally {
    if (!linkWasSent(res?.headers.get("location"))) await limit.release?.();
  }
}
