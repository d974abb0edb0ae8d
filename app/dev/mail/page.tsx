import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { dateShort } from "@/lib/format";
import { devMailDir } from "@/lib/mail/dev";
import { readMailbox } from "@/lib/mail/mailbox";

export const metadata: Metadata = { title: "Local mail (development)", robots: { index: false } };
export const dynamic = "force-dynamic";

/** The newest messages the local mail sink received (local runs, asked from this machine only). */
export default async function DevMailPage() {
  const dir = devMailDir(await headers());
  if (!dir) notFound();
  const mails = readMailbox(dir, { limit: 25 });
  return (
    <div className="space-y-4">
      <h1 className="text-3xl">Local mail</h1>
      <p className="text-muted">
        No mail server is set up (<code>EMAIL_SERVER</code>), so emails stop here instead of being sent.
        Newest first. This page answers only on this machine, and only while no mail server is set up.
      </p>
      {mails.length === 0 ? (
        <p className="card">
          No emails yet. Ask for a sign-in link on the sign-in page, then reload this page.
        </p>
      ) : (
        <ol className="space-y-4">
          {mails.map((m) => (
            <li key={m.id} className="card space-y-2" data-testid="dev-mail">
              <p className="text-sm text-muted">
                {dateShort(m.receivedAt)} {m.receivedAt.slice(11, 19)} UTC · to {m.to.join(", ")}
              </p>
              <h2 className="text-lg">{m.subject}</h2>
              {m.links.length > 0 && (
                <ul className="space-y-1">
                  {m.links.map((l) => (
                    <li key={l} className="break-all">
                      <a href={l}>{l}</a>
                    </li>
                  ))}
                </ul>
              )}
              <details>
                <summary className="cursor-pointer">Whole message</summary>
                <pre className="mt-2 whitespace-pre-wrap break-words text-sm">{m.text}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
