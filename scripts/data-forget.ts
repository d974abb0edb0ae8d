// npm run data:forget -- someone@example.org — deletes what the site holds about a member of the
// public who reported a problem with a listing (every report that holds their email).
import { createDb } from "@/db/connect";
import { emailInputSchema } from "@/lib/claims/schema";
import { forgetReporter } from "@/lib/reports/problems";
import { withDatabase } from "./lib/stack";

const email = emailInputSchema.safeParse(process.argv[2] ?? "");
if (!email.success) {
  console.error("Usage: npm run data:forget -- someone@example.org");
  process.exit(2);
}

await withDatabase(async (url) => {
  const conn = createDb(url, { max: 1 });
  try {
    const reports = await forgetReporter(conn.db, email.data);
    console.log(`Deleted ${reports} problem report(s) holding ${email.data}.`);
  } finally {
    await conn.end();
  }
}).catch((err: unknown) => {
  console.error(`Failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
