// npm run db:seed -- [--count 1500] [--seed 42] [--reset]
// Fills the database with fictional sample clinics (DATABASE_URL, a running `npm start`, or the
// embedded server under DATA_DIR). Exit codes: 0 done, 1 failed or refused, 2 bad arguments.
import { parseArgs } from "node:util";
import { z } from "zod";
import { createDb } from "@/db/connect";
import { runMigrations } from "@/lib/listings/derived";
import { isDatabaseEmpty } from "@/db/seed/seed";
import { seedDatabase } from "@/lib/listings/seed";
import { readConfig } from "./lib/config";
import { progressBar } from "./lib/progress";
import { withDatabase } from "./lib/stack";

const USAGE = `Usage: npm run db:seed -- [--count N] [--seed S] [--reset]

  --count N   how many sample clinics to create (1 to 1,000,000; default: SEED_COUNT, 1,500)
  --seed S    the random seed, 0 to 4294967295 (default 42); the same seed gives the same clinics
  --reset     delete every clinic first (in the same transaction); without it a database that
              already has clinics is left alone`;

/** "100000", "100_000" and "100,000" all mean 100,000. */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .transform((s) => s.replace(/[_,]/g, ""))
    .pipe(z.string().regex(/^\d+$/, "must be a whole number"))
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `must be at least ${min.toLocaleString("en-US")}`)
        .max(max, `must be at most ${max.toLocaleString("en-US")}`),
    );

const argsSchema = z.object({
  count: wholeNumber(1, 1_000_000).optional(),
  seed: wholeNumber(0, 0xffffffff).default(42),
  reset: z.boolean().default(false),
  help: z.boolean().default(false),
});

function usageError(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseCommandLine() {
  let values: unknown;
  try {
    ({ values } = parseArgs({
      options: {
        count: { type: "string" },
        seed: { type: "string" },
        reset: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    usageError(err instanceof Error ? err.message : String(err));
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    usageError(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  }
  return parsed.data;
}

const args = parseCommandLine();
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

try {
  const count = args.count ?? readConfig().SEED_COUNT;
  if (count === 0) {
    console.log("SEED_COUNT is 0 and no --count was given: nothing to seed.");
    process.exit(0);
  }
  await withDatabase(async (url) => {
    await runMigrations(url);
    const conn = createDb(url, { max: 2 });
    try {
      if (!args.reset && !(await isDatabaseEmpty(conn.db))) {
        throw new Error("the database already has clinics. Run again with --reset to replace them all.");
      }
      const bar = progressBar("Seeding");
      const t0 = performance.now();
      let inserted: number;
      try {
        inserted = await seedDatabase(conn.db, {
          count,
          seed: args.seed,
          reset: args.reset,
          onProgress: bar.update,
        });
      } finally {
        bar.finish();
      }
      const seconds = ((performance.now() - t0) / 1000).toFixed(1);
      console.log(
        `Seeded ${inserted.toLocaleString("en-US")} fictional sample clinics (seed ${args.seed}) in ${seconds} s.`,
      );
      console.log(
        "The search index is built separately: run `npm run search:rebuild` (npm start builds it when empty).",
      );
    } finally {
      await conn.end();
    }
  });
} catch (err) {
  console.error(`Seeding failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
