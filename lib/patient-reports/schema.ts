import "@/lib/security/zod-jitless";
import { z } from "zod";
import { CHARGED_ANSWERS, ROUTES, SUPPORT_ANSWERS } from "@/db/enum-values";
import { storableString } from "@/lib/listings/schema";
import { CLINIC_TEXT_MAX, COMMENT_MAX, monthStart, SUPPORT_KEYS, type SupportKey } from "./rules";

/** Patient reports: every input, checked on the server (lib/patient-reports/service.ts). */

const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (v == null ? "" : v), storableString().trim().max(max, message));

const requiredText = (max: number, empty: string, tooLong: string) =>
  z.preprocess((v) => (v == null ? "" : v), storableString().trim().min(1, empty).max(max, tooLong));

/** "Did you get this?" per support key; which keys must be there is the listing's (checked by the service). */
const supportAnswersSchema = z.partialRecord(
  z.enum(SUPPORT_KEYS as [SupportKey, ...SupportKey[]]),
  z.enum(SUPPORT_ANSWERS, { error: "Choose an answer." }),
);

export const patientReportSchema = z
  .object({
    clinicId: z.uuid({ error: "Unknown listing." }),
    treatmentStart: z
      .string({ error: "Choose the month your treatment started." })
      .refine((v) => monthStart(v) !== null, "Choose the month your treatment started."),
    route: z.enum(ROUTES, { error: "Choose how ketamine was given." }),
    answers: supportAnswersSchema,
    charged: z.enum(CHARGED_ANSWERS, { error: "Choose whether you were charged what the listing says." }),
    comment: optionalText(COMMENT_MAX, `Keep the comment under ${COMMENT_MAX} characters.`),
  })
  .strict();

export const reportIdSchema = z.object({ reportId: z.uuid({ error: "Unknown report." }) }).strict();

export const commentDecisionSchema = z
  .object({
    reportId: z.uuid({ error: "Unknown report." }),
    decision: z.enum(["approved", "rejected"], { error: "Choose approve or reject." }),
  })
  .strict();

export const disputeDecisionSchema = z
  .object({
    reportId: z.uuid({ error: "Unknown report." }),
    decision: z.enum(["upheld", "dismissed"], { error: "Choose uphold or dismiss." }),
  })
  .strict();

export const replySchema = z
  .object({
    reportId: z.uuid({ error: "Unknown report." }),
    reply: requiredText(
      CLINIC_TEXT_MAX,
      "Write a reply first.",
      `Keep the reply under ${CLINIC_TEXT_MAX.toLocaleString("en-US")} characters.`,
    ),
  })
  .strict();

export const disputeSchema = z
  .object({
    reportId: z.uuid({ error: "Unknown report." }),
    reason: requiredText(
      CLINIC_TEXT_MAX,
      "Say why you dispute this report.",
      `Keep the reason under ${CLINIC_TEXT_MAX.toLocaleString("en-US")} characters.`,
    ),
  })
  .strict();
