import { expect, it } from "vitest";
import { MAX_REQUEST_BYTES, MAX_UPLOAD_BYTES, uploadTooLarge } from "./limits";

it("a file over the upload limit is refused with its size; the request limit leaves room for the form", () => {
  expect(uploadTooLarge(MAX_UPLOAD_BYTES)).toBeNull();
  expect(uploadTooLarge(12 * 1024 * 1024)).toBeNull();
  expect(uploadTooLarge(MAX_UPLOAD_BYTES + 1)).toBe(
    "The file is 20.1 MB; the limit is 20 MB. Nothing was imported.",
  );
  expect(uploadTooLarge(25.37 * 1024 * 1024)).toBe(
    "The file is 25.4 MB; the limit is 20 MB. Nothing was imported.",
  );
  expect(MAX_REQUEST_BYTES).toBeGreaterThan(MAX_UPLOAD_BYTES);
});
