import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./support/db";

/**
 * The PostgreSQL driver's closed-connection crash, and its mend (scripts/patch-postgres.mjs, run by
 * `npm ci`): a transaction whose connection closes while its callback is still running sends its next
 * query to the closed connection. Unmended, the driver's deferred write reads `socket.write` of null in
 * a setImmediate: an uncaught TypeError that stops the process (the web server, in production). Mended,
 * the query and the transaction fail with CONNECTION_CLOSED like any query on a lost connection, and the
 * pool goes on answering.
 *
 * Run in a child process, in both of the driver's builds (Next.js loads it with `require`, Vitest and
 * the scripts with `import`), because the crash is an uncaught exception that would end this one.
 */
const SCENARIO = `
const sql = postgres(process.env.URL, { max: 1, onnotice() {} });
const killer = postgres(process.env.URL, { max: 1, onnotice() {} });
let handOver;
const handed = new Promise((resolve) => (handOver = resolve));
const transaction = sql.begin(async (tx) => {
  const [{ pid }] = await tx\`select pg_backend_pid() as pid\`;
  await killer\`select pg_terminate_backend(\${pid})\`;
  await new Promise((resolve) => setTimeout(resolve, 300)); // the driver sees the connection close
  const query = tx\`select 1 as one\`;
  handOver({ query });
  await query;
});
const code = (e) => e.code ?? String(e);
const outcome = await transaction.then(() => "committed", code);
const { query } = await handed;
const later = await Promise.race([
  query.then(() => "ran", code),
  new Promise((resolve) => setTimeout(() => resolve("no answer"), 3000)),
]);
await new Promise((resolve) => setTimeout(resolve, 200)); // a deferred write would have run by now
const [{ two }] = await sql\`select 2 as two\`;
console.log(JSON.stringify({ outcome, later, afterwards: two }));
await killer.end();
await sql.end({ timeout: 1 });
`;

const run = promisify(execFile);
const root = path.join(import.meta.dirname, "..");

describe("the PostgreSQL driver, when a transaction's connection closes under it", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase({ migrate: false });
  });
  afterAll(async () => {
    await db?.drop();
  });

  for (const [build, args] of [
    ["ESM (import)", ["--input-type=module", "-e", `import postgres from "postgres";\n${SCENARIO}`]],
    ["CommonJS (require)", ["-e", `const postgres = require("postgres");\n(async () => {${SCENARIO}})();`]],
  ] as const) {
    it(`${build}: the query and the transaction fail with CONNECTION_CLOSED, the process lives on`, async () => {
      const result = await run(process.execPath, [...args], {
        cwd: root,
        env: { ...process.env, URL: db.url },
        timeout: 30_000,
      }).catch((e: { code: number; stdout: string; stderr: string }) => e);
      expect(result.stderr).not.toMatch(/TypeError|uncaught/i);
      expect(JSON.parse(result.stdout.trim())).toEqual({
        outcome: "CONNECTION_CLOSED",
        later: "CONNECTION_CLOSED",
        afterwards: 2,
      });
    });
  }
});
