/**
 * Runs once when a Next.js server process starts: applies the search index settings and starts the
 * outbox → Meilisearch sync loop inside the server process (DESIGN.md, "Every listing write is one
 * transaction"), and the price reminder job.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startSearchSync } = await import("./lib/search/background");
  await startSearchSync();
  // Price reminders to listing owners (lib/prices/background.ts): a pass a minute after start, then hourly.
  const { startPriceReminders } = await import("./lib/prices/background");
  startPriceReminders();
  // Search words are read for places (lib/search/place-phrase.ts): build its tables off the request path.
  const { warmPlaces } = await import("./lib/search/places");
  setTimeout(warmPlaces, 0);
}
