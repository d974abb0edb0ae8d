import { MeilisearchRequestError, MeilisearchRequestTimeOutError } from "meilisearch";
import { describe, expect, it } from "vitest";
import { errorChain } from "@/lib/errors";
import { isDroppedConnection } from "./client";

/** A Node fetch failure as the SDK wraps it: the request error, "fetch failed", then the socket's. */
const failed = (cause: unknown) =>
  new MeilisearchRequestError("http://127.0.0.1:7700/multi-search", new TypeError("fetch failed", { cause }));
const socketError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe("isDroppedConnection", () => {
  it("is true for a connection closed or reset under the request", () => {
    expect(isDroppedConnection(failed(socketError("UND_ERR_SOCKET", "other side closed")))).toBe(true);
    expect(isDroppedConnection(failed(socketError("ECONNRESET", "read ECONNRESET")))).toBe(true);
  });

  it("is false for a refused connection, a timeout, or anything else", () => {
    expect(isDroppedConnection(failed(socketError("ECONNREFUSED", "connect ECONNREFUSED")))).toBe(false);
    const timeout = new MeilisearchRequestTimeOutError(800, { headers: {} });
    expect(
      isDroppedConnection(new MeilisearchRequestError("http://127.0.0.1:7700/multi-search", timeout)),
    ).toBe(false);
    expect(isDroppedConnection(new Error("index_not_found"))).toBe(false);
    expect(isDroppedConnection(undefined)).toBe(false);
  });
});

describe("errorChain", () => {
  it("names an error and its causes on one line", () => {
    expect(errorChain(failed(socketError("UND_ERR_SOCKET", "other side closed")))).toBe(
      "Request to http://127.0.0.1:7700/multi-search has failed: fetch failed: other side closed",
    );
    expect(errorChain("plain")).toBe("plain");
  });
});
