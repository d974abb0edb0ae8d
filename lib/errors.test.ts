import { describe, expect, it } from "vitest";
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  DatabaseUnavailableError,
  isDatabaseUnavailable,
  toFailure,
} from "./errors";

/** An error shaped as postgres.js throws it, wrapped as Drizzle wraps a failed query. */
const pg = (code: string) =>
  Object.assign(new Error("Failed query"), { cause: Object.assign(new Error(code), { code }) });

describe("database errors", () => {
  it("counts starting up, shutting down and dropped connections as 'not answering'", () => {
    for (const code of [
      "57P03",
      "57P01",
      "08006",
      "08001",
      "53300",
      "ECONNREFUSED",
      "CONNECTION_CLOSED",
      "CONNECT_TIMEOUT",
    ]) {
      expect(isDatabaseUnavailable(pg(code)), code).toBe(true);
      expect(toFailure(pg(code), "test"), code).toEqual({
        ok: false,
        code: "unavailable",
        message: DATABASE_UNAVAILABLE_MESSAGE,
      });
    }
    expect(isDatabaseUnavailable(new DatabaseUnavailableError())).toBe(true);
    // A wrong query is a bug, not an outage.
    expect(isDatabaseUnavailable(pg("42P01"))).toBe(false);
    expect(isDatabaseUnavailable(pg("23505"))).toBe(false);
  });

  it("answers text PostgreSQL cannot store with a message about the text, not 'something went wrong'", () => {
    expect(toFailure(pg("22021"), "test")).toMatchObject({ code: "invalid", message: /NUL byte/ });
  });
});
