import type { OutgoingMail } from "./send";

/**
 * Every email the site sends, as plain text in plain words. Names that clinics typed are placed in
 * the text as they are; plain text cannot carry markup, so nothing in them can run.
 */

const SIGN_OFF = "\n\n— Aftercare Atlas\nIf you did not expect this email, you can ignore it.";

/**
 * The one shape of every message: its subject and body from the message's input, sent to `input.to`,
 * the body ending with the sign-off.
 */
function message<I extends { to: string }>(
  subject: (input: I) => string,
  body: (input: I) => string,
): (input: I) => OutgoingMail {
  return (input) => ({ to: input.to, subject: subject(input), text: body(input) + SIGN_OFF });
}

export const signInMail = message<{ to: string; url: string; host: string; minutes: number }>(
  () => `Your sign-in link for Aftercare Atlas`,
  (i) =>
    `Open this link to sign in to Aftercare Atlas (${i.host}):\n\n${i.url}\n\n` +
    `The link works once and expires in ${i.minutes} minutes.`,
);

export const claimReceivedMail = message<{
  to: string;
  clinicName: string;
  dashboardUrl: string;
}>(
  (i) => `We got your claim for ${i.clinicName}`,
  (i) =>
    `Thank you. Your claim for "${i.clinicName}" is waiting for review by our editors.\n` +
    `We will email you when it is decided. You can see its status here:\n\n${i.dashboardUrl}`,
);

export const claimApprovedMail = message<{
  to: string;
  clinicName: string;
  editUrl: string;
  note?: string;
}>(
  (i) => `You can now edit ${i.clinicName}`,
  (i) =>
    `Your claim for "${i.clinicName}" is approved. You are now the listing's owner.\n` +
    (i.note ? `\nNote from our editors: ${i.note}\n` : "") +
    `\nKeep your prices and aftercare up to date here:\n\n${i.editUrl}`,
);

export const claimRejectedMail = message<{
  to: string;
  clinicName: string;
  note: string;
  helpUrl: string;
}>(
  (i) => `Your claim for ${i.clinicName} was not approved`,
  (i) =>
    `We could not approve your claim for "${i.clinicName}".\n` +
    (i.note ? `\nReason from our editors: ${i.note}\n` : "") +
    `\nIf you work for this clinic, the quickest way is to sign in with an email address at the clinic's ` +
    `own website domain. Read more:\n\n${i.helpUrl}`,
);

export const inviteMail = message<{
  to: string;
  clinicName: string;
  inviter: string;
  signInUrl: string;
  hasAccount: boolean;
}>(
  (i) => `You are invited to edit ${i.clinicName}`,
  (i) =>
    `${i.inviter} invited you to help keep the listing "${i.clinicName}" on Aftercare Atlas up to date.\n\n` +
    (i.hasAccount
      ? `You can edit it now:\n\n${i.signInUrl}`
      : `Sign in with this email address (${i.to}) to start:\n\n${i.signInUrl}`),
);

export const problemReportToClinicMail = message<{
  to: string;
  clinicName: string;
  reason: string;
  details: string;
  editUrl: string;
}>(
  (i) => `Someone reported a problem with ${i.clinicName}`,
  (i) =>
    `A visitor reported a problem with your listing "${i.clinicName}" on Aftercare Atlas.\n\n` +
    `What is wrong: ${i.reason}\n` +
    (i.details ? `Their words: ${i.details}\n` : "") +
    `\nOur editors will look at it. If the listing is out of date, you can correct it here:\n\n${i.editUrl}`,
);

export const problemResolvedMail = message<{
  to: string;
  clinicName: string;
  resolution: string;
  note: string;
  listingUrl: string;
}>(
  (i) => `Your report about ${i.clinicName}`,
  (i) =>
    `Thank you for reporting a problem with the listing "${i.clinicName}". Our editors looked at it.\n\n` +
    `Outcome: ${i.resolution}\n` +
    (i.note ? `Note from our editors: ${i.note}\n` : "") +
    `\nThe listing: ${i.listingUrl}\n\nWe have now deleted your email address from the report.`,
);

export const priceReminderMail = message<{
  to: string;
  clinicName: string;
  /** "Nov 3, 2025". */
  priceDate: string;
  /** Over a year old: the second reminder. */
  stale: boolean;
  confirmUrl: string;
  editUrl: string;
  linkDays: number;
}>(
  (i) =>
    i.stale
      ? `The prices of ${i.clinicName} are over a year old`
      : `Are the prices of ${i.clinicName} still correct?`,
  (i) =>
    `The prices on your listing "${i.clinicName}" on Aftercare Atlas were last updated on ${i.priceDate}.\n` +
    (i.stale
      ? `They are now over a year old, so the listing tells visitors that, and the comparison no longer marks them lowest.\n`
      : `People compare clinics by these prices, so we ask every few months whether they still hold.\n`) +
    `\nIf they are still correct, one click confirms it (no sign-in needed; the link works once, for ${i.linkDays} days):\n\n${i.confirmUrl}\n\n` +
    `If they changed, update them here:\n\n${i.editUrl}`,
);
