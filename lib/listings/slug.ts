/**
 * What a listing slug looks like: lowercase letters and digits in words joined by single hyphens
 * ("calm-harbor-ketamine-austin-tx-2"). Plain constants, so client islands can use them without
 * pulling a schema library into the bundle; build zod schemas from them where input is parsed.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Longest slug we accept from a URL or from storage; real slugs are far shorter. */
export const SLUG_MAX_LENGTH = 120;
