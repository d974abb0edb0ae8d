import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  bigserial,
  customType,
  bigint,
  date,
} from "drizzle-orm/pg-core";
import * as E from "./enums";

// ---------------------------------------------------------------- enums
export const clinicTypeEnum = pgEnum("clinic_type", E.CLINIC_TYPES);
export const routeEnum = pgEnum("route", E.ROUTES);
export const conditionEnum = pgEnum("condition", E.CONDITIONS);
export const newPatientStatusEnum = pgEnum("new_patient_status", E.NEW_PATIENT_STATUSES);
export const medicalLeadEnum = pgEnum("medical_lead", E.MEDICAL_LEADS);
export const integrationTherapyEnum = pgEnum("integration_therapy", E.INTEGRATION_THERAPY);
export const integrationByEnum = pgEnum("integration_by", E.INTEGRATION_BY);
export const integrationFormatEnum = pgEnum("integration_format", E.INTEGRATION_FORMATS);
export const supportGroupsEnum = pgEnum("support_groups", E.SUPPORT_GROUPS);
export const onCallEnum = pgEnum("on_call", E.ON_CALL);
export const onCallHoursEnum = pgEnum("on_call_hours", E.ON_CALL_HOURS);
export const digitalToolEnum = pgEnum("digital_tool", E.DIGITAL_TOOLS);
export const lifestyleEnum = pgEnum("lifestyle", E.LIFESTYLE);
export const insuranceEnum = pgEnum("insurance", E.INSURANCE);
export const priceSourceEnum = pgEnum("price_source", E.PRICE_SOURCES);
export const listingStatusEnum = pgEnum("listing_status", E.LISTING_STATUSES);
export const dataSourceEnum = pgEnum("data_source", E.DATA_SOURCES);
export const userRoleEnum = pgEnum("user_role", E.USER_ROLES);
export const memberRoleEnum = pgEnum("member_role", E.MEMBER_ROLES);
export const claimStatusEnum = pgEnum("claim_status", E.CLAIM_STATUSES);
export const claimMethodEnum = pgEnum("claim_method", E.CLAIM_METHODS);
export const importStatusEnum = pgEnum("import_status", E.IMPORT_STATUSES);
export const wordingReviewStatusEnum = pgEnum("wording_review_status", E.WORDING_REVIEW_STATUSES);
export const problemReasonEnum = pgEnum("problem_reason", E.PROBLEM_REASONS);
export const problemStatusEnum = pgEnum("problem_status", ["open", ...E.PROBLEM_RESOLUTIONS]);
export const priceReminderKindEnum = pgEnum("price_reminder_kind", E.PRICE_REMINDER_KINDS);
export const chargedAnswerEnum = pgEnum("charged_answer", E.CHARGED_ANSWERS);
export const commentStatusEnum = pgEnum("comment_status", E.COMMENT_STATUSES);
export const disputeStatusEnum = pgEnum("dispute_status", E.DISPUTE_STATUSES);

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

// ---------------------------------------------------------------- clinics
/**
 * Facts derived from a listing's own fields: computed by `deriveListing` (lib/aftercare/derived.ts,
 * from the pure functions of lib/aftercare) at every write (`lib/listings/service.ts`, the seed),
 * stored here so search, the fallback, the cost pages and the profiles read one value, and never
 * edited. No defaults: an insert without them does not compile. `derivedVersion` says which
 * definition computed the row; the migrate step recomputes rows of an older one
 * (`backfillDerived`). Money in integer US cents.
 */
const derivedColumns = {
  derivedVersion: integer("derived_version").notNull(),
  /** `aftercareScore(row).total`, 0–100. */
  aftercareScore: integer("aftercare_score").notNull(),
  /** How many of the score's parts earn points ("9 of 11 supports"). */
  aftercareSupports: integer("aftercare_supports").notNull(),
  /** The points of each part of the score, by rubric key. */
  aftercareParts: jsonb("aftercare_parts").$type<Record<string, number>>().notNull(),
  /** `courseEstimate(row)` with the default assumptions; null when no ketamine price is known. */
  courseLow: integer("course_low"),
  courseHigh: integer("course_high"),
  /** `effectiveSessionPrice(row)`: the lowest price of one session, single or in a package. */
  sessionPrice: integer("session_price"),
  /** The package's sessions when `sessionPrice` is a package price ÷ its sessions; else null. */
  sessionPricePackage: integer("session_price_package"),
  /** Online care: a telehealth service, or a clinic that offers at-home treatment. */
  telehealth: boolean("telehealth").notNull(),
  /** The states online care reaches (`statesServed` of a `telehealth` listing, else none). */
  telehealthStates: text("telehealth_states").array().notNull(),
  /** `offersIntegration(integrationTherapy)`. */
  offersIntegration: boolean("offers_integration").notNull(),
  /** Integration therapy is offered and led by a licensed therapist. */
  integrationLicensed: boolean("integration_licensed").notNull(),
  /** At least one preparation session. */
  hasPrep: boolean("has_prep").notNull(),
  /** When on-call help can be reached; null when there is none. */
  onCallHoursOffered: onCallHoursEnum("on_call_hours_offered"),
  /** Support-group formats: `in_person`, `virtual` (`both` is both). */
  groupFormats: text("group_formats").array().notNull(),
};

/** One listing: a physical location, or one telehealth service with `statesServed`. Money is integer US cents. */
export const clinics = pgTable(
  "clinics",
  {
    // identity
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    clinicType: clinicTypeEnum("clinic_type").notNull(),
    description: text("description").notNull().default(""),
    website: text("website"),
    phone: text("phone"),
    contactEmail: text("contact_email"),
    // place
    street: text("street"),
    city: text("city").notNull(),
    state: text("state").notNull(),
    postalCode: text("postal_code"),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    statesServed: text("states_served")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // care
    routes: routeEnum("routes")
      .array()
      .notNull()
      .default(sql`'{}'`),
    conditions: conditionEnum("conditions")
      .array()
      .notNull()
      .default(sql`'{}'`),
    newPatientStatus: newPatientStatusEnum("new_patient_status").notNull().default("accepting"),
    waitDays: integer("wait_days"),
    medicalLead: medicalLeadEnum("medical_lead"),
    remsCertified: boolean("rems_certified").notNull().default(false),
    languages: text("languages")
      .array()
      .notNull()
      .default(sql`'{English}'::text[]`),
    eveningHours: boolean("evening_hours").notNull().default(false),
    weekendHours: boolean("weekend_hours").notNull().default(false),
    // aftercare
    integrationTherapy: integrationTherapyEnum("integration_therapy").notNull().default("none"),
    integrationBy: integrationByEnum("integration_by").notNull().default("none"),
    integrationFormats: integrationFormatEnum("integration_formats")
      .array()
      .notNull()
      .default(sql`'{}'`),
    supportGroups: supportGroupsEnum("support_groups").notNull().default("none"),
    followUp24h: boolean("follow_up_24h").notNull().default(false),
    onCall: onCallEnum("on_call").notNull().default("none"),
    onCallHours: onCallHoursEnum("on_call_hours"),
    prepSessions: integer("prep_sessions").notNull().default(0),
    measurementBasedCare: boolean("measurement_based_care").notNull().default(false),
    digitalTools: digitalToolEnum("digital_tools")
      .array()
      .notNull()
      .default(sql`'{}'`),
    lifestyle: lifestyleEnum("lifestyle")
      .array()
      .notNull()
      .default(sql`'{}'`),
    recoveryRoom: boolean("recovery_room").notNull().default(false),
    aftercareWeeks: integer("aftercare_weeks").notNull().default(0),
    /** The clinic gives each patient a written aftercare plan. */
    writtenPlan: boolean("written_plan").notNull().default(false),
    aftercareNotes: text("aftercare_notes").notNull().default(""),
    // price (US cents; null = unknown)
    consultFee: integer("consult_fee"),
    sessionMin: integer("session_min"),
    sessionMax: integer("session_max"),
    seriesSessions: integer("series_sessions"),
    seriesMin: integer("series_min"),
    seriesMax: integer("series_max"),
    boosterMin: integer("booster_min"),
    boosterMax: integer("booster_max"),
    integrationSessionFee: integer("integration_session_fee"),
    groupSessionFee: integer("group_session_fee"),
    insurance: insuranceEnum("insurance").notNull().default("none"),
    hsaFsa: boolean("hsa_fsa").notNull().default(false),
    financing: boolean("financing").notNull().default(false),
    slidingScale: boolean("sliding_scale").notNull().default(false),
    refundPolicy: text("refund_policy").notNull().default(""),
    priceSource: priceSourceEnum("price_source").notNull().default("clinic_reported"),
    priceUpdatedAt: date("price_updated_at", { mode: "string" }),
    // listing
    status: listingStatusEnum("status").notNull().default("draft"),
    dataSource: dataSourceEnum("data_source").notNull(),
    lastVerifiedAt: timestamp("last_verified_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
    ...derivedColumns,
    /**
     * "Aftercare confirmed by patients" (`patientConfirmed` in lib/patient-reports/rules.ts, from the
     * published reports and the supports the listing claims). Not a derived column: it depends on
     * `patient_reports` too, so every report write, editor decision and deletion, and every listing
     * write, recomputes it in its own transaction (lib/patient-reports/confirmation.ts); the migrate
     * step corrects any stored flag that disagrees (`backfillPatientConfirmed`).
     */
    patientConfirmed: boolean("patient_confirmed").notNull().default(false),
  },
  (t) => [
    uniqueIndex("clinics_slug_key").on(t.slug),
    index("clinics_state_city_idx").on(t.state, t.city),
    index("clinics_status_idx").on(t.status),
    // Radius searches find the listings in a box (lib/search/geo-sql.ts).
    index("clinics_lat_lng_idx").on(t.lat, t.lng),
    // Derived numbers that filters and sorts compare (the PostgreSQL fallback, the cost pages).
    index("clinics_session_price_idx").on(t.sessionPrice),
    index("clinics_course_low_idx").on(t.courseLow),
    index("clinics_aftercare_score_idx").on(t.aftercareScore),
    // The cached figures' fingerprint reads the latest change (lib/cached-figures.ts).
    index("clinics_updated_at_idx").on(t.updatedAt),
  ],
);

/**
 * What the cost pages' figures read (lib/costs), one narrow row per listing: the same columns,
 * under the same names, as in `clinics`. Kept by triggers on `clinics` (migration
 * 0008_clinic_cost_inputs.sql: every insert and update copies these columns in the same statement,
 * and a deleted listing's row goes with it), so it is never behind the listings, whatever writes
 * them. It exists for speed: the figures scan ~15 MB here instead of the ~200 MB `clinics` table
 * at 100,000 listings. test/costs-inputs.int.test.ts checks that it matches `clinics`.
 */
export const clinicCostInputs = pgTable(
  "clinic_cost_inputs",
  {
    id: uuid("id")
      .primaryKey()
      .references(() => clinics.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    clinicType: clinicTypeEnum("clinic_type").notNull(),
    city: text("city").notNull(),
    state: text("state").notNull(),
    statesServed: text("states_served").array().notNull(),
    routes: routeEnum("routes").array().notNull(),
    status: listingStatusEnum("status").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    sessionMin: integer("session_min"),
    sessionMax: integer("session_max"),
    insurance: insuranceEnum("insurance").notNull(),
    hsaFsa: boolean("hsa_fsa").notNull(),
    integrationTherapy: integrationTherapyEnum("integration_therapy").notNull(),
    supportGroups: supportGroupsEnum("support_groups").notNull(),
    followUp24h: boolean("follow_up_24h").notNull(),
    onCall: onCallEnum("on_call").notNull(),
    onCallHours: onCallHoursEnum("on_call_hours"),
    measurementBasedCare: boolean("measurement_based_care").notNull(),
    digitalTools: digitalToolEnum("digital_tools").array().notNull(),
    lifestyle: lifestyleEnum("lifestyle").array().notNull(),
    recoveryRoom: boolean("recovery_room").notNull(),
    aftercareWeeks: integer("aftercare_weeks").notNull(),
    aftercareScore: integer("aftercare_score").notNull(),
    courseLow: integer("course_low"),
    courseHigh: integer("course_high"),
    offersIntegration: boolean("offers_integration").notNull(),
    integrationLicensed: boolean("integration_licensed").notNull(),
    hasPrep: boolean("has_prep").notNull(),
  },
  (t) => [index("clinic_cost_inputs_state_city_idx").on(t.state, t.city)],
);

/** Bytes (`bytea`), as Buffers. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * What the PostgreSQL search fallback reads (lib/search/fallback.ts), one narrow row per listing:
 * `facetBits`, a bitmap of the facet values the listing's search document holds (their numbering
 * derives from the filter registry: `FACET_VALUES` in lib/search/search-table.ts), and, under the
 * same names as in `clinics`, the columns of the filters those numbers cannot answer (the city,
 * the prices of a range filter), of the sorts, of the distance and of the name. Kept by triggers on
 * `clinics` like `clinic_cost_inputs` (migration 0011_clinic_search; the copy function, generated
 * from the registry, is installed by the migrate step: `installSearchTable`), so it is never behind
 * the listings. test/search-table.int.test.ts checks it against a recomputation.
 */
export const clinicSearch = pgTable("clinic_search", {
  id: uuid("id")
    .primaryKey()
    .references(() => clinics.id, { onDelete: "cascade" }),
  status: listingStatusEnum("status").notNull(),
  name: text("name").notNull(),
  city: text("city").notNull(),
  lat: doublePrecision("lat"),
  lng: doublePrecision("lng"),
  lastVerifiedAt: timestamp("last_verified_at", { withTimezone: true, mode: "date" }),
  aftercareScore: integer("aftercare_score").notNull(),
  sessionPrice: integer("session_price"),
  courseLow: integer("course_low"),
  facetBits: bytea("facet_bits").notNull(),
});

// ---------------------------------------------------------------- Auth.js (database sessions)
export const users = pgTable(
  "users",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text("name"),
    email: text("email").notNull(),
    emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
    image: text("image"),
    role: userRoleEnum("role").notNull().default("member"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// ---------------------------------------------------------------- clinic accounts and moderation
export const clinicMembers = pgTable(
  "clinic_members",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    role: memberRoleEnum("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.clinicId] }), index("clinic_members_clinic_idx").on(t.clinicId)],
);

export const claims = pgTable(
  "claims",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: claimStatusEnum("status").notNull().default("pending"),
    method: claimMethodEnum("method").notNull(),
    note: text("note").notNull().default(""),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("claims_status_idx").on(t.status),
    index("claims_clinic_idx").on(t.clinicId),
    // One pending claim per user and listing.
    uniqueIndex("claims_one_pending_key")
      .on(t.userId, t.clinicId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/**
 * An owner's invitation for someone to help edit a listing. It becomes a `clinic_members` row when
 * that email signs in (or at once when the person already has an account).
 */
export const clinicInvites = pgTable(
  "clinic_invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    /** Lower-case. */
    email: text("email").notNull(),
    role: memberRoleEnum("role").notNull().default("editor"),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("clinic_invites_open_key")
      .on(t.clinicId, t.email)
      .where(sql`${t.acceptedAt} is null`),
    index("clinic_invites_email_idx").on(t.email),
  ],
);

/** Fixed-window request counters (sign-in requests per email and per IP). */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true, mode: "date" }).notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limits_window_idx").on(t.windowStart)],
);

/** A CSV import run by an admin: all rows in one transaction; the page polls `processed`. */
export const importJobs = pgTable("import_jobs", {
  id: uuid("id").primaryKey().defaultRandom(),
  status: importStatusEnum("status").notNull().default("queued"),
  fileName: text("file_name").notNull(),
  total: integer("total").notNull(),
  processed: integer("processed").notNull().default(0),
  /** How many of the imported listings were queued for an editor because of their wording. */
  flagged: integer("flagged").notNull().default(0),
  error: text("error"),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
});

export const listingRevisions = pgTable(
  "listing_revisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    /** `{ field: { before, after } }` for every changed field. */
    changes: jsonb("changes").notNull(),
    /** The listing's version after this change (null for revisions written before it was recorded). */
    version: integer("version"),
    /** What kind of change this was, in words ("Restored an earlier version", "Hidden by an editor"). */
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [index("listing_revisions_clinic_idx").on(t.clinicId, t.createdAt)],
);

/**
 * One row per listing change that Meilisearch has yet to see. `clinicId` is not a foreign key on
 * purpose: a deleted listing must still reach the index as a delete.
 */
export const searchOutbox = pgTable(
  "search_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    clinicId: uuid("clinic_id").notNull(),
    enqueuedAt: timestamp("enqueued_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    doneAt: timestamp("done_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("search_outbox_pending_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.doneAt} is null`),
  ],
);

/**
 * How often the listings changed: one row (`id` 1), whose `generation` triggers on `clinics` bump
 * once at the commit of every transaction that inserts, updates, deletes or truncates listings,
 * whatever code made it (migration 0009). The PostgreSQL search fallback keys the facet counts it shares between
 * searches to it (`lib/search/fallback.ts`), so they are never older than the listings they count.
 */
export const listingsGeneration = pgTable("listings_generation", {
  id: integer("id").primaryKey(),
  generation: bigint("generation", { mode: "number" }).notNull().default(0),
});

/**
 * A listing whose free text holds words from the list of misleading claims
 * (lib/wording/misleading-claims.json). It stays published; an editor looks at it. At most one
 * pending review per listing: a later save with flagged words updates it, one without them clears it.
 * Written in the listing write's own transaction (lib/listings/service.ts).
 */
export const wordingReviews = pgTable(
  "wording_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    status: wordingReviewStatusEnum("status").notNull().default("pending"),
    /** The matches of the latest flagged save: `[{ field, claim, start, end, text }]`. */
    matches: jsonb("matches").notNull(),
    /** Who saved the flagged text last (null: a system write). */
    savedBy: text("saved_by").references(() => users.id, { onDelete: "set null" }),
    /** The listing's version after that save. */
    version: integer("version").notNull(),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("wording_reviews_one_pending_key")
      .on(t.clinicId)
      .where(sql`${t.status} = 'pending'`),
    index("wording_reviews_status_idx").on(t.status, t.updatedAt),
  ],
);

/**
 * "Report a problem with this listing", sent by anyone without signing in. `email` is the reporter's
 * optional address for the answer: erased once they have been told the outcome. No IP address is
 * stored here (the rate limits keep a counter per address for a day, in `rate_limits`).
 */
export const problemReports = pgTable(
  "problem_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    reason: problemReasonEnum("reason").notNull(),
    details: text("details").notNull().default(""),
    email: text("email"),
    status: problemStatusEnum("status").notNull().default("open"),
    resolutionNote: text("resolution_note").notNull().default(""),
    resolvedBy: text("resolved_by").references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("problem_reports_status_idx").on(t.status, t.createdAt),
    index("problem_reports_clinic_idx").on(t.clinicId),
    index("problem_reports_email_idx").on(t.email),
  ],
);

/**
 * A price reminder emailed to one owner of a listing (lib/prices/reminders.ts), with its one-click
 * "Prices are still correct" link. Only the SHA-256 of the link's token is stored; the link works
 * once (`usedAt`) and until `expiresAt`. The job sends at most one reminder per listing per 30 days
 * (read from `sentAt` here) and each kind once per price date.
 */
export const priceReminders = pgTable(
  "price_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    /** The owner it was sent to. */
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: priceReminderKindEnum("kind").notNull(),
    /** The listing's `priceUpdatedAt` when it was sent (null: undated prices). */
    priceDate: date("price_date", { mode: "string" }),
    /** Hex SHA-256 of the link's token. */
    tokenHash: text("token_hash").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("price_reminders_token_key").on(t.tokenHash),
    index("price_reminders_clinic_idx").on(t.clinicId, t.sentAt),
  ],
);

/**
 * A patient's structured report on one clinic (lib/patient-reports): one per person and clinic,
 * editable and deletable by its author. It holds no health details. `answers` maps each aftercare
 * support the listing claimed when it was written (lib/patient-reports/supports.ts) to yes / no /
 * not_offered / dont_know. The comment is shown only once an editor approves it, and never with the
 * author's name or email. A dispute the editors uphold takes the report out of every count and page.
 */
export const patientReports = pgTable(
  "patient_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The first day of the month treatment started. */
    treatmentStart: date("treatment_start", { mode: "string" }).notNull(),
    route: routeEnum("route").notNull(),
    answers: jsonb("answers").$type<Record<string, E.SupportAnswer>>().notNull(),
    charged: chargedAnswerEnum("charged").notNull(),
    comment: text("comment").notNull().default(""),
    /** null when there is no comment. */
    commentStatus: commentStatusEnum("comment_status"),
    commentDecidedBy: text("comment_decided_by").references(() => users.id, { onDelete: "set null" }),
    commentDecidedAt: timestamp("comment_decided_at", { withTimezone: true, mode: "date" }),
    /** The clinic's one public reply to the comment. */
    reply: text("reply"),
    replyBy: text("reply_by").references(() => users.id, { onDelete: "set null" }),
    replyAt: timestamp("reply_at", { withTimezone: true, mode: "date" }),
    disputeStatus: disputeStatusEnum("dispute_status"),
    /** The clinic's side of a dispute. */
    disputeReason: text("dispute_reason"),
    disputedBy: text("disputed_by").references(() => users.id, { onDelete: "set null" }),
    disputedAt: timestamp("disputed_at", { withTimezone: true, mode: "date" }),
    disputeDecidedBy: text("dispute_decided_by").references(() => users.id, { onDelete: "set null" }),
    disputeDecidedAt: timestamp("dispute_decided_at", { withTimezone: true, mode: "date" }),
    /** Fictional sample data (db/seed), labelled as such wherever it shows. */
    sample: boolean("sample").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("patient_reports_user_clinic_key").on(t.userId, t.clinicId),
    index("patient_reports_clinic_idx").on(t.clinicId),
    index("patient_reports_comment_pending_idx")
      .on(t.updatedAt)
      .where(sql`${t.commentStatus} = 'pending'`),
    index("patient_reports_dispute_open_idx")
      .on(t.disputedAt)
      .where(sql`${t.disputeStatus} = 'open'`),
  ],
);

export type Clinic = typeof clinics.$inferSelect;
export type NewClinic = typeof clinics.$inferInsert;
/** The stored derived facts of a listing (see `derivedColumns`). */
export type DerivedKey = keyof typeof derivedColumns;
export const DERIVED_KEYS = Object.keys(derivedColumns) as DerivedKey[];
export type DerivedFields = Pick<Clinic, DerivedKey>;
/**
 * Derived facts that mark a row as not yet computed (`derivedVersion` 0 is never current; the values
 * the migration that added the columns gave existing rows). For tests that insert partial rows.
 */
export const PENDING_DERIVED: DerivedFields = {
  derivedVersion: 0,
  aftercareScore: 0,
  aftercareSupports: 0,
  aftercareParts: {},
  courseLow: null,
  courseHigh: null,
  sessionPrice: null,
  sessionPricePackage: null,
  telehealth: false,
  telehealthStates: [],
  offersIntegration: false,
  integrationLicensed: false,
  hasPrep: false,
  onCallHoursOffered: null,
  groupFormats: [],
};
/** A listing row as written by people and the seed: everything but the derived facts. */
export type ClinicSource = Omit<NewClinic, DerivedKey>;
export type User = typeof users.$inferSelect;
export type Claim = typeof claims.$inferSelect;
export type ListingRevision = typeof listingRevisions.$inferSelect;
export type WordingReview = typeof wordingReviews.$inferSelect;
export type PatientReport = typeof patientReports.$inferSelect;
