import path from "node:path";
import { z } from "zod";
import { adminEmailsSchema, emailFromSchema, emailServerSchema } from "@/lib/auth/config-schemas";

/**
 * What the launcher and the command-line scripts read from the environment. Validated at start-up;
 * a bad value stops the command with a message naming the variable.
 */
const schema = z
  .object({
    PORT: z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(1, "must be between 1 and 65535")
      .max(65535, "must be between 1 and 65535")
      .default(3000),
    HOSTNAME: z.string().min(1).default("localhost"),
    DATA_DIR: z.string().min(1).default(".data"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, "must be a postgres:// or postgresql:// URL")
      .optional(),
    MEILI_HOST: z.url("must be a URL such as http://127.0.0.1:7700").optional(),
    MEILI_MASTER_KEY: z.string().min(16, "must be at least 16 bytes").optional(),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    SEED_COUNT: z.coerce.number().int().min(0).max(1_000_000).default(1500),
    PAGE_CACHE: z.enum(["on", "off"]).default("on"),
    EMAIL_SERVER: emailServerSchema.optional(),
    EMAIL_FROM: emailFromSchema.optional(),
    ADMIN_EMAILS: adminEmailsSchema,
  })
  .superRefine((v, ctx) => {
    if (v.MEILI_HOST && !v.MEILI_MASTER_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["MEILI_MASTER_KEY"],
        message: "is required when MEILI_HOST is set",
      });
    }
    if (v.MEILI_MASTER_KEY && !v.MEILI_HOST) {
      ctx.addIssue({
        code: "custom",
        path: ["MEILI_HOST"],
        message: "is required when MEILI_MASTER_KEY is set",
      });
    }
  });

export type LauncherConfig = z.infer<typeof schema> & { dataDir: string };

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): LauncherConfig {
  // Empty strings count as unset, as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = i.path.join(".");
      return `  ${name}=${JSON.stringify(env[name] ?? "")}: ${i.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}
