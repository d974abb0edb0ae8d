import http from "node:http";
import https from "node:https";

/**
 * A keep-alive HTTP client for the Meilisearch SDK. Over Node's built-in fetch (the SDK's default, also
 * with an undici Agent passed as `requestInit.dispatcher`, keep-alive and no-delay) a search that asks for
 * facets stalls ~45 ms on every request; through a node:http agent it does not (2026-11-29, 2,000
 * documents, 400 searches with a facet: fetch p50 48 ms / p95 79 ms, this client p50 1.9 ms / p95 10 ms).
 * The SDK marks `httpClient` deprecated (meilisearch-js#1824) but still supports it in 0.62; until it
 * offers another way past that stall, this is the hook the search path needs.
 * The SDK's own error mapping is bypassed by a custom client, so failures become MeiliRequestError.
 */
const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 10_000 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 10_000 });

class MeiliRequestError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "MeiliRequestError";
  }
}

export function keepAliveHttpClient(
  input: Parameters<typeof fetch>[0],
  init?: RequestInit,
): Promise<unknown> {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const lib = url.protocol === "https:" ? https : http;
  const headers: Record<string, string> = {};
  new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method: init?.method ?? "GET",
        headers,
        agent: url.protocol === "https:" ? httpsAgent : httpAgent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let body: unknown;
          try {
            body = text === "" ? undefined : JSON.parse(text);
          } catch (cause) {
            return reject(
              new MeiliRequestError(`Meilisearch sent invalid JSON`, res.statusCode, undefined, { cause }),
            );
          }
          const status = res.statusCode ?? 0;
          if (status >= 400) {
            const b = (body ?? {}) as { message?: string; code?: string };
            return reject(
              new MeiliRequestError(b.message ?? `Meilisearch answered ${status}`, status, b.code),
            );
          }
          resolve(body);
        });
      },
    );
    // The SDK reuses one signal across the polls of a task wait: listen once per request and let go
    // when the request closes, so listeners don't pile up on the signal.
    const signal = init?.signal;
    const onAbort = () => req.destroy(new Error(`aborted: ${String(signal?.reason ?? "timeout")}`));
    if (signal?.aborted) onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    req.on("close", () => signal?.removeEventListener("abort", onAbort));
    req.on("error", (cause) =>
      reject(
        new MeiliRequestError(`Meilisearch request failed: ${cause.message}`, undefined, undefined, {
          cause,
        }),
      ),
    );
    if (typeof init?.body === "string") req.write(init.body);
    req.end();
  });
}

/** The Meilisearch error code (e.g. "index_not_found") of an error thrown by the SDK, if any. */
export function meiliErrorCode(err: unknown): string | undefined {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if (e instanceof MeiliRequestError) return e.code;
  }
  return undefined;
}
