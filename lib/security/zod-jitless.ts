import { config } from "zod/v4/core";

/**
 * zod compiles object parsers with `new Function` when it may; to find out, it tries once, and
 * under this site's Content-Security-Policy (no 'unsafe-eval') the browser reports that try as a
 * violation even though zod catches it. Jitless mode skips both the probe and the compiler.
 * Imported first by every module that parses with zod in the browser (`zod` and `zod/mini` share
 * this setting).
 */
config({ jitless: true });
