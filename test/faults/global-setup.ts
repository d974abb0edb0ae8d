import { ensureBuild } from "@/scripts/lib/build";

/**
 * Fault tests start the production build (test/faults/app.ts). It is made here, once, when the source
 * has changed since the last build: two test files starting at once must not both run `next build`.
 */
export default async function setup() {
  await ensureBuild({ say: (m) => console.log(`[faults] ${m}`) });
}
