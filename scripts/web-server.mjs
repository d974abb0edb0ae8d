// The web server the launcher (scripts/start.ts) and the test harness (scripts/serve-temp.ts) run:
// Next.js (production build, or `--dev`) behind a plain Node.js HTTP server, for two reasons:
// 1. it listens on the address it is given (`--host`; the launcher's default is 127.0.0.1), and
// 2. it tells the app each connection's peer address. Next.js gives route handlers, pages and server
//    actions request headers but not the socket, so every request's header named by the
//    ATLAS_PEER_HEADER environment variable is set here to the socket's remote address, overwriting
//    whatever the client sent. The app believes that header only because this process announces it
//    (lib/auth/client-address.ts).
//
// Usage: node scripts/web-server.mjs --host=127.0.0.1 --port=3000 [--dev]
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, ...v] = a.replace(/^--/, "").split("=");
    return [k, v.length ? v.join("=") : "true"];
  }),
);
const port = Number(args.port);
const host = args.host;
const dev = args.dev === "true";
const peerHeader = process.env.ATLAS_PEER_HEADER;
if (!Number.isInteger(port) || port < 1 || port > 65535 || !host || !peerHeader) {
  console.error("usage: ATLAS_PEER_HEADER=<name> node scripts/web-server.mjs --host=H --port=P [--dev]");
  process.exit(2);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The origin Next.js takes for its own (its `initURL`): a proxy.ts rewrite must name it to stay inside
// this server, else Next.js treats the rewrite as external and proxies it over HTTP.
process.env.ATLAS_NEXT_ORIGIN = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
const app = next({ dev, dir: root, hostname: host, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  // Overwrite: a client-sent header of this name (any case; Node.js lower-cases them) never survives.
  req.headers[peerHeader] = req.socket.remoteAddress ?? "";
  void handle(req, res);
});
server.on("upgrade", app.getUpgradeHandler()); // development: hot reload's WebSocket
server.once("error", (err) => {
  console.error(`[web] ${err.message}`);
  process.exit(1);
});
server.listen(port, host, () => console.error(`[web] listening on ${host}:${port}${dev ? " (dev)" : ""}`));

const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
