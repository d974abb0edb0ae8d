import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./build";
import { ConfigError, DEFAULT_LISTEN_HOST, readConfig } from "./config";

/** Every variable named in the README's configuration table ("| `NAME` (or `OTHER`) | …"). */
function readmeVariables(): string[] {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = readme.slice(
    readme.indexOf("## Configuration"),
    readme.indexOf("\n## ", readme.indexOf("## Configuration") + 5),
  );
  return [...section.matchAll(/^\| (.+?) \|/gm)].flatMap((m) =>
    [...m[1]!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((x) => x[1]!),
  );
}

/** A wrong value for each variable. */
const BAD: Record<string, string> = {
  PORT: "70000",
  HOST: "every interface",
  HOSTNAME: "not/a/host",
  TRUST_PROXY_HOPS: "-1",
  DATA_DIR: path.join(ROOT, "package.json"),
  DATABASE_URL: "mysql://db.example/atlas",
  MEILI_HOST: "search.example:7700",
  MEILI_MASTER_KEY: "short",
  MEILI_INDEX: "clinics!",
  MEILI_TIMEOUT_MS: "1",
  MEILI_BINARY: "/nowhere/meilisearch",
  SEARCH_SYNC: "sometimes",
  PRICE_REMINDERS: "weekly",
  AUTH_SECRET: "too-short",
  SITE_URL: "atlas.example",
  EMAIL_SERVER: "http://mail.example",
  EMAIL_FROM: "Atlas <nope>",
  ADMIN_EMAILS: "a@x.example; b@x.example",
  SEED_COUNT: "many",
  PAGE_CACHE: "maybe",
};

describe("start-up configuration", () => {
  const vars = readmeVariables();

  it("the README's table lists the variables (sanity check of the parse)", () => {
    expect(vars).toEqual(expect.arrayContaining(["PORT", "HOST", "MEILI_TIMEOUT_MS", "TRUST_PROXY_HOPS"]));
  });

  it.each(readmeVariables())("a bad %s stops the start with its name", (name) => {
    expect(BAD[name], `no bad value listed for ${name}`).toBeDefined();
    const env = { [name]: BAD[name]! };
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(new RegExp(`^  ${name}=`, "m"));
  });

  it("everything unset is a valid configuration that listens on this machine only", () => {
    const cfg = readConfig({});
    expect(cfg.listenHost).toBe(DEFAULT_LISTEN_HOST);
    expect(cfg.TRUST_PROXY_HOPS).toBe(0);
    expect(readConfig({ HOST: "0.0.0.0" }).listenHost).toBe("0.0.0.0");
    expect(readConfig({ HOSTNAME: "::" }).listenHost).toBe("::");
  });
});
