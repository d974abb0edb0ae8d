#!/usr/bin/env node
// Run by `npm ci` / `npm install` (package.json "postinstall"): mends one crash in the PostgreSQL driver,
// postgres@3.4.9, in place in node_modules. Idempotent; fails the install when the driver is not the
// version this was written for, so an upgrade cannot silently drop the fix (see docs/OPERATIONS.md,
// "The PostgreSQL driver's patch").
//
// The crash (porsager/postgres#1066, #1154, #1208; fixes proposed in #1168, #1176, #1209, none released):
// when a connection closes while a transaction's callback is still running (PostgreSQL stopped or its
// backend killed), the callback's next query, and the ROLLBACK the driver then sends, are written to the
// closed connection. The write is deferred with setImmediate and reads `socket.write` after the socket
// has been set to null: an uncaught TypeError that no `try` can catch, which stops the web server. Seen
// here in test/faults/keeps-work.fault.test.ts ("PostgreSQL stopped while editing"), intermittently.
//
// The mend, three small edits to the driver's connection.js (all three builds: ESM, CommonJS, workerd):
// 1. a query given to a connection that has no socket is rejected at once with CONNECTION_CLOSED (the
//    error the driver already gives queries in flight when a connection closes), and the connection is
//    left in the pool's queue it is in (`true`, as for a query the connection took);
// 2. a deferred write that finds no socket rejects what it carried with CONNECTION_CLOSED instead of
//    throwing;
// 3. when a connection closes, bytes it had not yet written are dropped with the timer that would have
//    written them, so they are never sent ahead of the next connection's start-up message.
// test/postgres-driver.int.test.ts reproduces the crash against a real PostgreSQL and fails without this.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const VERSION = "3.4.9";
const MARK = "aftercare-atlas patch (scripts/patch-postgres.mjs)";
const root = path.join(import.meta.dirname, "..", "node_modules", "postgres");

/** [what the driver has, what it gets]; each `from` must occur exactly once in the file. */
const EDITS = [
  [
    `      return queryError(q, Errors.connection('CONNECTION_DESTROYED', options))\n`,
    `      return queryError(q, Errors.connection('CONNECTION_DESTROYED', options))\n\n` +
      `    if (!socket) // ${MARK}: the connection has closed\n` +
      `      return (queryError(q, Errors.connection('CONNECTION_CLOSED', options)), true)\n`,
  ],
  [
    `  function nextWrite(fn) {\n`,
    `  function nextWrite(fn) {\n` +
      `    if (!socket) { // ${MARK}: closed since the write was queued\n` +
      `      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n` +
      `      chunk = nextWriteTimer = null\n` +
      `      error(Errors.connection('CONNECTION_CLOSED', options))\n` +
      `      return false\n` +
      `    }\n`,
  ],
  [
    `    incomings = null\n    clearImmediate(nextWriteTimer)\n`,
    `    incomings = null\n    clearImmediate(nextWriteTimer)\n` +
      `    chunk = nextWriteTimer = null // ${MARK}: unsent bytes die with the connection\n`,
  ],
];

function fail(message) {
  console.error(`patch-postgres: ${message}`);
  process.exit(1);
}

let pkg;
try {
  pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
} catch {
  fail(`no node_modules/postgres to patch (${root})`);
}
if (pkg.version !== VERSION) {
  fail(
    `node_modules/postgres is ${pkg.version}, this patch was written for ${VERSION}: check whether the ` +
      `new version fixes the closed-socket write (porsager/postgres#1154), then update or remove this script`,
  );
}

for (const build of ["src", "cjs/src", "cf/src"]) {
  const file = path.join(root, build, "connection.js");
  let text = readFileSync(file, "utf8");
  if (text.includes(MARK)) continue;
  for (const [from, to] of EDITS) {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0)
      fail(`${build}/connection.js: expected one ${JSON.stringify(from)}`);
    text = text.slice(0, at) + to + text.slice(at + from.length);
  }
  writeFileSync(file, text);
  console.log(`patch-postgres: patched postgres@${VERSION} ${build}/connection.js`);
}
