/**
 * Runs once when a Next.js server process starts: applies the search index settings and starts the
 * outbox → Meilisearch sync loop inside the server process (DESIGN.md, "Every listing write is one
 * transaction").
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startSearchSync } = await import("./lib/search/background");
  await startSearchSync();
  // Search words are read for places (lib/search/place-phrase.ts): build its tables off the request path.
  const { warmPlaces } = await import("./lib/search/places");
  setTimeout(warmPlaces, 0);
}
