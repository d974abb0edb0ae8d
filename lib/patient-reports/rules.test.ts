import { describe, expect, it } from "vitest";
import {
  claimedSupports,
  commentByline,
  confirmationText,
  countsPublished,
  latestStartMonth,
  patientConfirmed,
  startLongEnoughAgo,
  supportConfirmed,
  tallyReports,
  type ReportAnswers,
} from "./rules";

const parts = (over: Record<string, number>) => ({
  aftercareParts: {
    integration: 0,
    integrationLicensed: 0,
    followUp: 0,
    onCall: 0,
    supportGroups: 0,
    prep: 0,
    measurement: 0,
    digitalTools: 0,
    lifestyle: 0,
    recoveryRoom: 0,
    aftercareLength: 0,
    ...over,
  },
  writtenPlan: false,
});

const report = (answers: ReportAnswers["answers"], charged: ReportAnswers["charged"] = "yes") => ({
  answers,
  charged,
});

describe("claimedSupports", () => {
  it("asks only about the supports that earn score points, and a written plan", () => {
    const keys = claimedSupports({ ...parts({ followUp: 15, integration: 5 }), writtenPlan: true }).map(
      (s) => s.key,
    );
    expect(keys).toEqual(["followUp", "integration", "writtenPlan"]);
  });
  it("never asks about the licensed-therapist bonus or the aftercare length", () => {
    expect(claimedSupports(parts({ integrationLicensed: 5, aftercareLength: 10 }))).toEqual([]);
  });
});

describe("publication threshold", () => {
  it("shows counts from 3 published reports, not 2", () => {
    expect(countsPublished(2)).toBe(false);
    expect(countsPublished(3)).toBe(true);
  });
});

describe("the confirmation rule", () => {
  it("needs at least 3 asked and 2/3 saying yes", () => {
    expect(supportConfirmed({ asked: 3, yes: 2 })).toBe(true);
    expect(supportConfirmed({ asked: 3, yes: 1 })).toBe(false);
    expect(supportConfirmed({ asked: 2, yes: 2 })).toBe(false);
    expect(supportConfirmed({ asked: 6, yes: 4 })).toBe(true);
    expect(supportConfirmed({ asked: 7, yes: 4 })).toBe(false);
  });

  const claimed = claimedSupports(parts({ followUp: 15, onCall: 10 }));

  it("confirms a clinic when every claimed support is confirmed by 3+ reports", () => {
    const t = tallyReports(claimed, [
      report({ followUp: "yes", onCall: "yes" }),
      report({ followUp: "yes", onCall: "yes" }),
      report({ followUp: "no", onCall: "dont_know" }),
    ]);
    expect(patientConfirmed(t)).toBe(true);
  });

  it("does not confirm with one support under 2/3 (don't know counts against)", () => {
    const t = tallyReports(claimed, [
      report({ followUp: "yes", onCall: "yes" }),
      report({ followUp: "yes", onCall: "dont_know" }),
      report({ followUp: "yes", onCall: "not_offered" }),
    ]);
    expect(patientConfirmed(t)).toBe(false);
  });

  it("does not confirm with 2 reports, however positive", () => {
    const t = tallyReports(claimed, [
      report({ followUp: "yes", onCall: "yes" }),
      report({ followUp: "yes", onCall: "yes" }),
    ]);
    expect(patientConfirmed(t)).toBe(false);
  });

  it("does not confirm a support newly claimed that fewer than 3 reports were asked about", () => {
    const t = tallyReports(claimed, [
      report({ followUp: "yes", onCall: "yes" }),
      report({ followUp: "yes", onCall: "yes" }),
      report({ followUp: "yes" }),
    ]);
    expect(t.supports.find((s) => s.support.key === "onCall")?.asked).toBe(2);
    expect(patientConfirmed(t)).toBe(false);
  });

  it("never confirms a listing that claims nothing", () => {
    const t = tallyReports([], [report({}), report({}), report({})]);
    expect(patientConfirmed(t)).toBe(false);
  });

  it("counts the charged answers and words the counts", () => {
    const t = tallyReports(claimed, [
      report({ followUp: "yes" }, "more"),
      report({ followUp: "no" }, "yes"),
      report({}, "more"),
    ]);
    expect(t.charged).toEqual({ yes: 1, more: 2, less: 0, dont_know: 0 });
    expect(confirmationText(t.supports[0]!)).toBe("Check-in within 24 hours: confirmed by 1 of 2 patients");
  });
});

describe("dates and bylines", () => {
  const now = new Date("2026-11-29T12:00:00Z");
  it("accepts a start at least 14 days ago, by the month's first day", () => {
    expect(startLongEnoughAgo("2026-11", now)).toBe(true); // Nov 1 is 28 days ago
    expect(startLongEnoughAgo("2026-11", new Date("2026-11-14T12:00:00Z"))).toBe(false);
    expect(startLongEnoughAgo("2026-11", new Date("2026-11-15T00:00:00Z"))).toBe(true);
    expect(startLongEnoughAgo("2026-12", now)).toBe(false);
    expect(startLongEnoughAgo("1999-12", now)).toBe(false);
    expect(startLongEnoughAgo("2026-13", now)).toBe(false);
    expect(latestStartMonth(new Date("2026-12-05T00:00:00Z"))).toBe("2026-11");
  });
  it("signs a comment with the year only", () => {
    expect(commentByline("2026-03-01")).toBe("Patient, treated 2026");
  });
});
