import "server-only";
import { createTransport, type Transporter } from "nodemailer";

/** One outgoing message. Plain text: every mail client shows it, and nothing in it is markup. */
export type OutgoingMail = { to: string; subject: string; text: string };

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

class MailNotConfiguredError extends Error {
  readonly code = "mail_not_configured";
  constructor() {
    super("No mail server is configured (EMAIL_SERVER).");
  }
}

/** A mailer over SMTP (`smtp://…`), pooled per URL for the life of the process. */
export function smtpMailer(server: string | undefined, from: string): Mailer {
  return {
    async send(mail) {
      if (!server) throw new MailNotConfiguredError();
      const result = await transport(server).sendMail({ from, ...mail });
      const failed = [...(result.rejected ?? []), ...(result.pending ?? [])];
      if (failed.length) throw new Error(`The mail server did not accept ${failed.length} recipient(s)`);
    },
  };
}

/** Sends a notice after the change it tells of is committed: a failure is logged, not undone. */
export async function trySend(mailer: Mailer, mail: OutgoingMail): Promise<boolean> {
  try {
    await mailer.send(mail);
    return true;
  } catch (err) {
    console.error(`[mail] could not send "${mail.subject}":`, err);
    return false;
  }
}

const transports = new Map<string, Transporter>();
function transport(server: string): Transporter {
  let t = transports.get(server);
  if (!t) {
    t = createTransport(server);
    transports.set(server, t);
  }
  return t;
}
