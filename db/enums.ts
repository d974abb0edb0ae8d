import { z } from "zod";
import {
  CLINIC_TYPES,
  ROUTES,
  CONDITIONS,
  NEW_PATIENT_STATUSES,
  MEDICAL_LEADS,
  INTEGRATION_THERAPY,
  INTEGRATION_BY,
  INTEGRATION_FORMATS,
  SUPPORT_GROUPS,
  ON_CALL,
  ON_CALL_HOURS,
  DIGITAL_TOOLS,
  LIFESTYLE,
  INSURANCE,
  PRICE_SOURCES,
  LISTING_STATUSES,
  DATA_SOURCES,
  USER_ROLES,
  MEMBER_ROLES,
  CLAIM_STATUSES,
  CLAIM_METHODS,
  IMPORT_STATUSES,
  WORDING_REVIEW_STATUSES,
  US_STATES,
} from "./enum-values";

export * from "./enum-values";

/** The zod schemas of the enumerated values (`db/enum-values.ts`): the rest of the code validates with these. */

export const clinicTypeSchema = z.enum(CLINIC_TYPES);
export const routeSchema = z.enum(ROUTES);
export const conditionSchema = z.enum(CONDITIONS);
export const newPatientStatusSchema = z.enum(NEW_PATIENT_STATUSES);
export const medicalLeadSchema = z.enum(MEDICAL_LEADS);
export const integrationTherapySchema = z.enum(INTEGRATION_THERAPY);
export const integrationBySchema = z.enum(INTEGRATION_BY);
export const integrationFormatSchema = z.enum(INTEGRATION_FORMATS);
export const supportGroupsSchema = z.enum(SUPPORT_GROUPS);
export const onCallSchema = z.enum(ON_CALL);
export const onCallHoursSchema = z.enum(ON_CALL_HOURS);
export const digitalToolSchema = z.enum(DIGITAL_TOOLS);
export const lifestyleSchema = z.enum(LIFESTYLE);
export const insuranceSchema = z.enum(INSURANCE);
export const priceSourceSchema = z.enum(PRICE_SOURCES);
export const listingStatusSchema = z.enum(LISTING_STATUSES);
export const dataSourceSchema = z.enum(DATA_SOURCES);
export const userRoleSchema = z.enum(USER_ROLES);
export const memberRoleSchema = z.enum(MEMBER_ROLES);
export const claimStatusSchema = z.enum(CLAIM_STATUSES);
export const claimMethodSchema = z.enum(CLAIM_METHODS);
export const importStatusSchema = z.enum(IMPORT_STATUSES);
export const wordingReviewStatusSchema = z.enum(WORDING_REVIEW_STATUSES);
export const usStateSchema = z.enum(US_STATES);
