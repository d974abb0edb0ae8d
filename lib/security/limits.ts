import limits from "./limits.json";

/**
 * The size limits, declared once in limits.json because next.config.mjs reads them too (for the
 * request body limits of the proxy and of server actions, which cannot import TypeScript):
 * - an uploaded file (the admin CSV import) may be up to `uploadMegabytes`;
 * - a request body may be up to `requestMegabytes` (the file plus its form's overhead). proxy.ts
 *   answers 413 to anything that says it is bigger, so no route sees a cut-off body.
 * A megabyte here is 1,048,576 bytes, as Next.js counts its "21mb".
 */
const MEGABYTE = 1024 * 1024;
export const MAX_UPLOAD_MEGABYTES: number = limits.uploadMegabytes;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MEGABYTES * MEGABYTE;
export const MAX_REQUEST_BYTES: number = limits.requestMegabytes * MEGABYTE;

/** Why a file is refused, or null when its size is fine. Shown before the upload and checked after it. */
export function uploadTooLarge(bytes: number): string | null {
  if (bytes <= MAX_UPLOAD_BYTES) return null;
  const mb = Math.ceil((bytes / MEGABYTE) * 10) / 10; // never "20.0 MB" for a file just over 20
  return `The file is ${mb.toFixed(1)} MB; the limit is ${MAX_UPLOAD_MEGABYTES} MB. Nothing was imported.`;
}
