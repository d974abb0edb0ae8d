import "@/lib/security/zod-jitless";
import { z } from "zod";
import { PROBLEM_REASONS, PROBLEM_RESOLUTIONS } from "@/db/enum-values";
import { emailInputSchema } from "@/lib/claims/schema";
import { storableString } from "@/lib/listings/schema";
import { HONEYPOT_FIELD, PROBLEM_DETAILS_MAX } from "./labels";

/** "Report a problem with this listing": the inputs, checked by the server. */

export const problemReportSchema = z
  .object({
    clinicId: z.uuid({ error: "Unknown listing." }),
    reason: z.enum(PROBLEM_REASONS, { error: "Choose what is wrong." }),
    details: z.preprocess(
      (v) => (v == null ? "" : v),
      storableString()
        .trim()
        .max(
          PROBLEM_DETAILS_MAX,
          `Keep the details under ${PROBLEM_DETAILS_MAX.toLocaleString("en-US")} characters.`,
        ),
    ),
    email: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      emailInputSchema.optional(),
    ),
    [HONEYPOT_FIELD]: z.string().max(2000).optional(),
  })
  .strict();

export const problemResolutionSchema = z
  .object({
    reportId: z.uuid({ error: "Unknown report." }),
    resolution: z.enum(PROBLEM_RESOLUTIONS, { error: "Choose how it was resolved." }),
    note: z.preprocess(
      (v) => (v == null ? "" : v),
      storableString().trim().max(1000, "Keep the note under 1,000 characters."),
    ),
  })
  .strict();
