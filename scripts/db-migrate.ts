// npm run db:migrate — applies db/migrations to DATABASE_URL (or the embedded server under .data/).
import { runMigrations } from "@/lib/listings/derived";
import { withDatabase } from "./lib/stack";

await withDatabase(async (url) => {
  await runMigrations(url);
  console.log("Migrations applied.");
}).catch((err: unknown) => {
  console.error(`Migration failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
