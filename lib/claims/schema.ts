import { z } from "zod";

/** Inputs of the claim and membership actions (shared by the forms and the server). */
export const emailInputSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter an email address like name@clinic.com." }));

const id = z.uuid({ error: "Unknown listing." });

export const claimRequestSchema = z.object({ clinicId: id }).strict();

export const claimDecisionSchema = z
  .object({
    claimId: z.uuid({ error: "Unknown claim." }),
    decision: z.enum(["approve", "reject"], { error: "Choose approve or reject." }),
    note: z.string().trim().max(1000, "Keep the note under 1,000 characters.").default(""),
  })
  .strict()
  .refine((v) => v.decision === "approve" || v.note.length > 0, {
    path: ["note"],
    message: "Say why you are rejecting the claim; the person will see this note.",
  });

export const inviteSchema = z.object({ clinicId: id, email: emailInputSchema }).strict();

export const removeMemberSchema = z.union([
  z.object({ clinicId: id, userId: z.string().min(1).max(100) }).strict(),
  z.object({ clinicId: id, inviteId: z.uuid() }).strict(),
]);
