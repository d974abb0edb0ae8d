import type { OutgoingMail } from "./send";

/**
 * Every email the site sends, as plain text in plain words. Names that clinics typed are placed in
 * the text as they are; plain text cannot carry markup, so nothing in them can run.
 */

const SIGN_OFF = "\n\n— Aftercare Atlas\nIf you did not expect this email, you can ignore it.";

export function signInMail(input: { to: string; url: string; host: string; minutes: number }): OutgoingMail {
  return {
    to: input.to,
    subject: `Your sign-in link for Aftercare Atlas`,
    text:
      `Open this link to sign in to Aftercare Atlas (${input.host}):\n\n${input.url}\n\n` +
      `The link works once and expires in ${input.minutes} minutes.` +
      SIGN_OFF,
  };
}

export function claimReceivedMail(input: {
  to: string;
  clinicName: string;
  dashboardUrl: string;
}): OutgoingMail {
  return {
    to: input.to,
    subject: `We got your claim for ${input.clinicName}`,
    text:
      `Thank you. Your claim for "${input.clinicName}" is waiting for review by our editors.\n` +
      `We will email you when it is decided. You can see its status here:\n\n${input.dashboardUrl}` +
      SIGN_OFF,
  };
}

export function claimApprovedMail(input: {
  to: string;
  clinicName: string;
  editUrl: string;
  note?: string;
}): OutgoingMail {
  return {
    to: input.to,
    subject: `You can now edit ${input.clinicName}`,
    text:
      `Your claim for "${input.clinicName}" is approved. You are now the listing's owner.\n` +
      (input.note ? `\nNote from our editors: ${input.note}\n` : "") +
      `\nKeep your prices and aftercare up to date here:\n\n${input.editUrl}` +
      SIGN_OFF,
  };
}

export function claimRejectedMail(input: {
  to: string;
  clinicName: string;
  note: string;
  helpUrl: string;
}): OutgoingMail {
  return {
    to: input.to,
    subject: `Your claim for ${input.clinicName} was not approved`,
    text:
      `We could not approve your claim for "${input.clinicName}".\n` +
      (input.note ? `\nReason from our editors: ${input.note}\n` : "") +
      `\nIf you work for this clinic, the quickest way is to sign in with an email address at the clinic's ` +
      `own website domain. Read more:\n\n${input.helpUrl}` +
      SIGN_OFF,
  };
}

export function inviteMail(input: {
  to: string;
  clinicName: string;
  inviter: string;
  signInUrl: string;
  hasAccount: boolean;
}): OutgoingMail {
  return {
    to: input.to,
    subject: `You are invited to edit ${input.clinicName}`,
    text:
      `${input.inviter} invited you to help keep the listing "${input.clinicName}" on Aftercare Atlas up to date.\n\n` +
      (input.hasAccount
        ? `You can edit it now:\n\n${input.signInUrl}`
        : `Sign in with this email address (${input.to}) to start:\n\n${input.signInUrl}`) +
      SIGN_OFF,
  };
}

export function problemReportToClinicMail(input: {
  to: string;
  clinicName: string;
  reason: string;
  details: string;
  editUrl: string;
}): OutgoingMail {
  return {
    to: input.to,
    subject: `Someone reported a problem with ${input.clinicName}`,
    text:
      `A visitor reported a problem with your listing "${input.clinicName}" on Aftercare Atlas.\n\n` +
      `What is wrong: ${input.reason}\n` +
      (input.details ? `Their words: ${input.details}\n` : "") +
      `\nOur editors will look at it. If the listing is out of date, you can correct it here:\n\n${input.editUrl}` +
      SIGN_OFF,
  };
}

export function problemResolvedMail(input: {
  to: string;
  clinicName: string;
  resolution: string;
  note: string;
  listingUrl: string;
}): OutgoingMail {
  return {
    to: input.to,
    subject: `Your report about ${input.clinicName}`,
    text:
      `Thank you for reporting a problem with the listing "${input.clinicName}". Our editors looked at it.\n\n` +
      `Outcome: ${input.resolution}\n` +
      (input.note ? `Note from our editors: ${input.note}\n` : "") +
      `\nThe listing: ${input.listingUrl}\n\nWe have now deleted your email address from the report.` +
      SIGN_OFF,
  };
}

export function priceReminderMail(input: {
  to: string;
  clinicName: string;
  /** "Nov 3, 2025". */
  priceDate: string;
  /** Over a year old: the second reminder. */
  stale: boolean;
  confirmUrl: string;
  editUrl: string;
  linkDays: number;
}): OutgoingMail {
  return {
    to: input.to,
    subject: input.stale
      ? `The prices of ${input.clinicName} are over a year old`
      : `Are the prices of ${input.clinicName} still correct?`,
    text:
      `The prices on your listing "${input.clinicName}" on Aftercare Atlas were last updated on ${input.priceDate}.\n` +
      (input.stale
        ? `They are now over a year old, so the listing tells visitors that, and the comparison no longer marks them lowest.\n`
        : `People compare clinics by these prices, so we ask every few months whether they still hold.\n`) +
      `\nIf they are still correct, one click confirms it (no sign-in needed; the link works once, for ${input.linkDays} days):\n\n${input.confirmUrl}\n\n` +
      `If they changed, update them here:\n\n${input.editUrl}` +
      SIGN_OFF,
  };
}
