import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";

/**
 * The main pages, as the server sends them, through the Nu Html Checker (the `vnu-jar` package;
 * needs Java 17+). One run of the checker for all pages: the JVM takes seconds to start.
 */

const VNU_JAR = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

/**
 * The one message let through, by name: React renders a form whose action is a server action with
 * `action=""` (and the action's id in hidden inputs), which the checker calls an empty URL. The form
 * works with and without JavaScript; the markup is React's, not ours.
 */
const REACT_SERVER_ACTION_FORM =
  /^Bad value “” for attribute “action” on element “form”: Must be non-empty\.$/;

type VnuMessage = { type: string; subType?: string; url: string; message: string; extract?: string };

test("the main pages are valid HTML (Nu Html Checker: 0 errors)", async ({ request }) => {
  test.setTimeout(180_000);
  const api = await request.get("/api/clinics?perPage=2&sort=score");
  expect(api.ok()).toBe(true);
  const [a, b] = ((await api.json()) as { hits: { slug: string }[] }).hits.map((h) => h.slug);
  const pages = [
    "/",
    "/clinics",
    // Every filter panel choice is drawn, with languages that hold spaces among them.
    "/clinics?state=CA&integration=included&followUp24h=true&language=Spanish&language=Haitian+Creole&groups=any",
    `/clinics/${a}`,
    `/compare?c=${a},${b}`,
    "/costs",
    "/costs/ca",
    "/methodology",
    "/guide",
    "/for-clinics",
    "/signin",
  ];

  const dir = await mkdtemp(path.join(tmpdir(), "vnu-"));
  try {
    const files: Record<string, string> = {};
    for (const [i, p] of pages.entries()) {
      const res = await request.get(p);
      expect(res.ok(), p).toBe(true);
      const file = path.join(dir, `page-${i}.html`);
      await writeFile(file, await res.text());
      files[`file:${file}`] = p;
    }
    // vnu exits 1 when it finds errors; the JSON report is on stderr either way.
    // A short run: the quick JIT compiler alone (-XX:TieredStopAtLevel=1) checks these pages in about half
    // the CPU time of the default two (5.4 s instead of 10.3 s, same report); its larger stack frames need
    // the bigger thread stack (with the default 1 MB the checker stops with a StackOverflowError).
    const run = await promisify(execFile)(
      "java",
      [
        "-Xss4m",
        "-XX:TieredStopAtLevel=1",
        "-jar",
        VNU_JAR,
        "--format",
        "json",
        "--errors-only",
        ...Object.keys(files).map((u) => u.slice(5)),
      ],
      { maxBuffer: 64 * 1024 * 1024 },
    ).catch((e: { stdout?: string; stderr?: string; code?: number }) => {
      if (e.code !== 1) throw e;
      return { stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
    });
    const report = JSON.parse(run.stderr || run.stdout) as { messages: VnuMessage[] };
    const errors = report.messages
      .filter((m) => m.type === "error" || m.subType === "fatal")
      .filter((m) => !REACT_SERVER_ACTION_FORM.test(m.message))
      .map((m) => `${files[m.url] ?? m.url}: ${m.message} — ${m.extract ?? ""}`.trim());
    expect(errors).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
