import http from "node:http";
import net from "node:net";
import os from "node:os";
import { expect, test } from "@playwright/test";
import { readMailbox } from "../lib/mail/mailbox";

/**
 * The two ways to anyone's account on a default start (issue 12), tried as an attacker would, with
 * raw HTTP requests against the production server (scripts/serve-temp.ts, started like `npm start`):
 * the local mail sink read over the network, and sign-in links on a host of the requester's choosing.
 * Also: the per-address sign-in limit can't be dodged with X-Forwarded-For, and the session endpoint
 * tells page scripts no secrets.
 */

const mailDir = process.env.E2E_MAIL_DIR!;
const port = Number(process.env.E2E_PORT ?? 3210);
const siteOrigin = `http://localhost:${port}`;

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * One HTTP request to the server, exactly as written (any Host, any X-Forwarded-*), from the loopback
 * address `from` (127.0.0.0/8 is all this machine's: each test has a client address of its own).
 */
function raw(
  from: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, localAddress: from, method, path, headers, setHost: !headers.Host },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const cookiesOf = (a: Answer) => (a.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");

/** The sign-in links mailed to `email`. */
async function mailedLinks(email: string): Promise<string[]> {
  let links: string[] = [];
  await expect
    .poll(
      () => {
        links = readMailbox(mailDir, { to: email }).flatMap((m) =>
          m.links.filter((l) => l.includes("/api/auth/callback/")),
        );
        return links.length;
      },
      { timeout: 10_000 },
    )
    .toBeGreaterThan(0);
  return links;
}

const forged = {
  Host: "evil.example",
  "X-Forwarded-Host": "evil.example",
  "X-Forwarded-Proto": "https",
  Origin: "https://evil.example",
};

test("the server listens on this machine only: no other interface of it accepts a connection", async () => {
  const others = Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal && !a.address.startsWith("fe80:"))
    .map((a) => a!.address);
  test.skip(others.length === 0, "this machine has no network address other than loopback to try");
  for (const address of others) {
    const outcome = await new Promise<string>((resolve) => {
      const sock = net.connect({ host: address, port });
      sock.setTimeout(3000, () => (sock.destroy(), resolve("timeout")));
      sock.once("connect", () => (sock.destroy(), resolve("connected")));
      sock.once("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
    });
    expect(outcome, `${address}:${port}`).toBe("ECONNREFUSED");
  }
  // …while loopback does.
  expect((await raw("127.0.0.1", "GET", "/api/health", {})).status).toBe(200);
});

test("/dev/mail answers a request from this machine only, and forged forwarding headers don't pass", async () => {
  expect((await raw("127.0.0.5", "GET", "/dev/mail", {})).status).toBe(200);
  for (const h of <Record<string, string>[]>[
    { "X-Forwarded-For": "203.0.113.9" },
    { "X-Forwarded-For": "127.0.0.1, 203.0.113.9" },
    { "X-Real-IP": "203.0.113.9" },
    { Forwarded: "for=203.0.113.9" },
    { "X-Forwarded-Host": "evil.example" },
    { "X-Atlas-Peer": "203.0.113.9" }, // the web server overwrites it with the real peer: still admitted
  ]) {
    const a = await raw("127.0.0.5", "GET", "/dev/mail", h);
    expect(a.status, JSON.stringify(h)).toBe("X-Atlas-Peer" in h ? 200 : 404);
    if (a.status === 404) expect(a.body).not.toContain("/api/auth/callback/");
  }
});

test("a sign-in link requested through /api/auth/signin with a forged Host is on SITE_URL", async () => {
  const email = `forged-api.${Date.now()}@example.org`;
  const csrf = await raw("127.0.0.6", "GET", "/api/auth/csrf", forged);
  expect(csrf.status).toBe(200);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ email, csrfToken, callbackUrl: "/dashboard" }).toString();
  const res = await raw("127.0.0.6", "POST", "/api/auth/signin/nodemailer", {
    ...forged,
    Cookie: cookiesOf(csrf),
    "Content-Type": "application/x-www-form-urlencoded",
  }, body); // prettier-ignore
  expect(res.status, res.body).toBe(302);
  const links = await mailedLinks(email);
  for (const l of links) expect(new URL(l).origin).toBe(siteOrigin);
  expect(res.headers.location ?? "").not.toContain("evil.example");
});

test("a sign-in link requested through the sign-in form (server action) with a forged Host is on SITE_URL", async () => {
  const email = `forged-form.${Date.now()}@example.org`;
  // The form as a browser without JavaScript posts it: its hidden fields name the server action.
  const page = await raw("127.0.0.7", "GET", "/signin", {});
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(page.body)?.[1] ?? "";
  const unescape = (v: string) =>
    v
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const fields: [string, string][] = [...form.matchAll(/<input([^>]*)>/g)].flatMap((m) => {
    const name = /name="([^"]*)"/.exec(m[1]!)?.[1];
    const value = /value="([^"]*)"/.exec(m[1]!)?.[1] ?? "";
    return name ? [[unescape(name), unescape(value)] as [string, string]] : [];
  });
  expect(fields.some(([n]) => n.startsWith("$ACTION"))).toBe(true);
  const boundary = "----atlas" + Date.now();
  const parts = fields.map(([n, v]) => [n, n === "email" ? email : v]);
  const body = Buffer.from(
    parts
      .map(([n, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`)
      .join("") + `--${boundary}--\r\n`,
  );
  const res = await raw("127.0.0.7", "POST", "/signin", {
    ...forged,
    "Content-Type": `multipart/form-data; boundary=${boundary}`,
  }, body); // prettier-ignore
  expect(res.status, res.body.slice(0, 300)).toBeLessThan(400);
  const links = await mailedLinks(email);
  for (const l of links) expect(new URL(l).origin).toBe(siteOrigin);
});

test("rotating X-Forwarded-For does not escape the per-address sign-in limit", async () => {
  const from = "127.0.0.8";
  const statuses: number[] = [];
  for (let i = 0; i < 21; i++) {
    // No CSRF token: Auth.js refuses, so no mail goes out, but every request counts against its address.
    const body = new URLSearchParams({ email: `rotate${i}.${Date.now()}@example.org` }).toString();
    const res = await raw(from, "POST", "/api/auth/signin/nodemailer", {
      "X-Forwarded-For": `203.0.113.${i + 1}`,
      "X-Real-IP": `203.0.113.${i + 1}`,
      "Content-Type": "application/x-www-form-urlencoded",
    }, body); // prettier-ignore
    statuses.push(res.status);
  }
  expect(statuses.slice(0, 20)).not.toContain(429);
  expect(statuses[20]).toBe(429);
  // Another client (another address) is not held up by it.
  const other = new URLSearchParams({ email: `other.${Date.now()}@example.org` }).toString();
  const res = await raw("127.0.0.9", "POST", "/api/auth/signin/nodemailer", {
    "X-Forwarded-For": "127.0.0.8",
    "Content-Type": "application/x-www-form-urlencoded",
  }, other); // prettier-ignore
  expect(res.status).not.toBe(429);
});

test("GET /api/auth/session tells page scripts only the name, email, role and expiry", async ({
  request,
}) => {
  const email = `session.${Date.now()}@example.org`;
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await request.post("/api/auth/signin/nodemailer", { form: { email, csrfToken: csrf.csrfToken } });
  const [link] = await mailedLinks(email);
  await request.get(link!);
  const session = (await (await request.get("/api/auth/session")).json()) as Record<string, unknown>;
  expect(Object.keys(session).sort()).toEqual(["expires", "user"]);
  expect(session.user).toEqual({ name: null, email, role: "member" });
  expect(Date.parse(String(session.expires))).toBeGreaterThan(Date.now());
  expect(JSON.stringify(session)).not.toMatch(/sessionToken|userId|"id"/);
});
