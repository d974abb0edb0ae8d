// npm run data:forget -- someone@example.org — deletes what the site holds about a member of the
// public: every "report a problem" that holds their email, every patient report they wrote (the
// listings they counted in are recomputed and reindexed), and their account when it is only a
// patient's (no listing membership, not a site editor).
import { createDb } from "@/db/connect";
import { emailInputSchema } from "@/lib/claims/schema";
import { forgetPatient } from "@/lib/patient-reports/service";
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
    const patient = await forgetPatient(conn.db, email.data);
    console.log(
      `Deleted ${patient.reports} patient report(s) written from ${email.data}` +
        (patient.accountDeleted ? " and the account." : "; no patient-only account was deleted."),
    );
  } finally {
    await conn.end();
  }
}).catch((err: unknown) => {
  console.error(`Failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
