import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";
import { extractLinks, writeMail, type StoredMail } from "./mailbox";

/**
 * A local SMTP server that accepts every message and keeps it in `dir` (see `mailbox.ts`). Started by
 * the launcher when `EMAIL_SERVER` is not set, and by the test harness, so sign-in works offline.
 * Listens on 127.0.0.1 only, on a free port.
 */
export async function startMailSink(opts: { dir: string; onMail?: (mail: StoredMail) => void }) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    size: 2 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const addresses = (a: AddressObject | AddressObject[] | undefined) =>
            (Array.isArray(a) ? a : a ? [a] : []).flatMap((x) => x.value.map((v) => v.address ?? ""));
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
          const text = parsed.text ?? "";
          const mail: StoredMail = {
            id: `${String(Date.now()).padStart(15, "0")}-${randomBytes(4).toString("hex")}`,
            receivedAt: new Date().toISOString(),
            from: parsed.from?.text ?? "",
            to: envelopeTo.length ? envelopeTo : addresses(parsed.to).filter(Boolean),
            subject: parsed.subject ?? "",
            text,
            links: extractLinks(text),
          };
          writeMail(opts.dir, mail);
          opts.onMail?.(mail);
          callback();
        })
        .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err))));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    dir: opts.dir,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type MailSink = Awaited<ReturnType<typeof startMailSink>>;
