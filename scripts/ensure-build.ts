// `npm test` (scripts/test.sh) runs this in the background while the unit and integration tests run:
// the production build the end-to-end and fault tests start from, made when the source changed since
// the last one. A stop (SIGINT/SIGTERM) ends the build too.
import { ensureBuild } from "./lib/build";
import { killOnExit } from "./lib/services/process";

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(1));
const t0 = Date.now();
const built = await ensureBuild({
  say: (m) => console.log(`[build] ${m}`),
  onSpawn: (c) => void killOnExit(c),
});
console.log(
  built ? `[build] Built in ${((Date.now() - t0) / 1000).toFixed(0)} s.` : "[build] The build is current.",
);
