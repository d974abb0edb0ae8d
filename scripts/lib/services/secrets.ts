import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";

/**
 * Secrets the embedded services need, generated once and kept under the data folder
 * (`.data/secrets.json`, mode 600) so a second start reuses the same database and index.
 */
export type LocalSecrets = { pgPassword: string; meiliMasterKey: string; authSecret: string };

export function loadOrCreateSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  mkdirSync(dataDir, { recursive: true });
  const existing: Partial<LocalSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const secrets: LocalSecrets = {
    pgPassword: existing.pgPassword ?? randomBytes(18).toString("base64url"),
    meiliMasterKey: existing.meiliMasterKey ?? randomBytes(24).toString("base64url"),
    authSecret: existing.authSecret ?? randomBytes(32).toString("base64url"),
  };
  if (JSON.stringify(secrets) !== JSON.stringify(existing)) {
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
