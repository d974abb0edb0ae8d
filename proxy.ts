import { NextResponse, type NextRequest } from "next/server";
import { databaseAvailable } from "@/lib/db-status";
import { contentSecurityPolicy } from "@/lib/security/headers";
import { UNAVAILABLE_HTML } from "@/lib/security/unavailable";

/**
 * Runs before every page and API route (Node.js runtime, in the server process):
 * 1. gives every page a Content-Security-Policy with a fresh nonce, and refuses (400) a path whose
 *    %-encoding is broken;
 * 2. while PostgreSQL does not answer, answers a friendly 503 at once instead of letting pages fail
 *    (`/api/health` still answers, with the detail).
 * Authorization is NOT done here: pages, actions and route handlers check who is asking themselves.
 */
export async function proxy(request: NextRequest) {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const nonce = btoa(String.fromCharCode(...bytes));
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const path = request.nextUrl.pathname;

  // A path with broken percent-encoding can't name anything here; Next.js would answer 500.
  try {
    decodeURIComponent(path);
  } catch {
    return new NextResponse("Bad request: the address has broken %-encoding.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Security-Policy": csp },
    });
  }

  if (path !== "/api/health" && !(await databaseAvailable())) {
    const headers = { "Retry-After": "15", "Cache-Control": "no-store", "Content-Security-Policy": csp };
    if (path.startsWith("/api/")) {
      return NextResponse.json(
        { error: { code: "unavailable", message: "The database is not answering. Try again shortly." } },
        { status: 503, headers },
      );
    }
    return new NextResponse(UNAVAILABLE_HTML, {
      status: 503,
      headers: { ...headers, "Content-Type": "text/html; charset=utf-8" },
    });
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
