import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "@/lib/search/query";
import { GUIDE_QUESTIONS, guideSearchHref } from "./questions";

const links = GUIDE_QUESTIONS.flatMap((q) => q.links);

describe("guide questions", () => {
  it("link to searches the search page accepts as they are, with exactly their filters", () => {
    expect(links.length).toBeGreaterThan(10);
    for (const { label, filters } of links) {
      const href = guideSearchHref(filters);
      expect(href, label).toMatch(/^\/clinics\?/);
      const parsed = parseSearchQuery(new URL(href, "http://x").searchParams, "strict");
      expect(parsed.ok, `${label}: ${href}`).toBe(true);
      if (parsed.ok) expect(parsed.query, label).toMatchObject(filters);
    }
  });

  it("use readable parameter names", () => {
    expect(guideSearchHref({ integration: ["included"] })).toBe("/clinics?integration=included");
    expect(guideSearchHref({ followUp24h: true })).toBe("/clinics?followUp24h=true");
    expect(guideSearchHref({ maxCourse: 5000 })).toBe("/clinics?maxCourse=5000");
  });

  it("have unique ids for their anchors", () => {
    const ids = GUIDE_QUESTIONS.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
