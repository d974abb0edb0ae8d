import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extractLinks, readMailbox, writeMail } from "./mailbox";

const dir = mkdtempSync(path.join(os.tmpdir(), "mailbox-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const mail = (id: string, to: string, text: string) => ({
  id,
  receivedAt: new Date().toISOString(),
  from: "a@b.example",
  to: [to],
  subject: `s ${id}`,
  text,
  links: extractLinks(text),
});

describe("mailbox", () => {
  it("finds http(s) links in text without trailing punctuation", () => {
    expect(
      extractLinks(
        "Open http://localhost:3000/api/auth/callback/nodemailer?token=a&email=x%40y.z. Or https://s.example/x, then",
      ),
    ).toEqual([
      "http://localhost:3000/api/auth/callback/nodemailer?token=a&email=x%40y.z",
      "https://s.example/x",
    ]);
    expect(extractLinks("javascript:alert(1) ftp://x.example")).toEqual([]);
  });

  it("reads messages newest first, by recipient (any case), and skips files that are not messages", () => {
    writeMail(dir, mail("000000000000001-aa", "Jane@Clinic.example", "first https://a.example"));
    writeMail(dir, mail("000000000000002-bb", "bob@clinic.example", "second"));
    writeMail(dir, mail("000000000000003-cc", "jane@clinic.example", "third"));
    writeFileSync(path.join(dir, "zzz.json"), JSON.stringify({ hello: 1 }));
    expect(readMailbox(dir).map((m) => m.id)).toEqual([
      "000000000000003-cc",
      "000000000000002-bb",
      "000000000000001-aa",
    ]);
    expect(readMailbox(dir, { to: "JANE@clinic.example" }).map((m) => m.text)).toEqual([
      "third",
      "first https://a.example",
    ]);
    expect(readMailbox(dir, { limit: 1 })).toHaveLength(1);
    expect(readMailbox(path.join(dir, "missing"))).toEqual([]);
  });
});
