import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** What a production build depends on. A change to any of these means `next build` must run again. */
const INPUTS = ["app", "components", "lib", "db", "public", "instrumentation.ts", "proxy.ts", "middleware.ts",
  "next.config.mjs", "postcss.config.mjs", "tsconfig.json", "package-lock.json"]; // prettier-ignore

function walk(p: string, out: string[]) {
  if (!existsSync(p)) return;
  const st = statSync(p);
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort()) {
      if (name === "node_modules" || name.startsWith(".")) continue;
      walk(path.join(p, name), out);
    }
  } else if (!/\.test\.tsx?$/.test(p)) {
    out.push(p);
  }
}

export function sourceHash(root: string): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), files);
  const h = createHash("sha256");
  for (const f of files) {
    h.update(path.relative(root, f));
    h.update("\0");
    h.update(readFileSync(f));
    h.update("\0");
  }
  return h.digest("hex");
}

export const buildStampFile = (root: string) => path.join(root, ".next", "atlas-source-hash");

export function buildIsCurrent(root: string): boolean {
  const stamp = buildStampFile(root);
  return (
    existsSync(path.join(root, ".next", "BUILD_ID")) &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === sourceHash(root)
  );
}
