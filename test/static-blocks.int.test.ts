import { createElement as h, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AftercareAddsSection, AllFigures, Headline } from "@/components/costs/figures";
import { CitiesSection, SearchLinks, TopClinics } from "@/components/costs/place";
import { StateLinks } from "@/components/costs/state-links";
import { UsMap, UsMapTable } from "@/components/costs/us-map";
import { CompareTable } from "@/components/compare/compare-table";
import { PatientReportsSection } from "@/components/patient-reports/profile-section";
import { AftercareSection, ScoreBreakdown } from "@/components/profile/aftercare";
import { CareSection, PaymentSection, PlaceSection } from "@/components/profile/care";
import { CourseEstimateView, PriceTable } from "@/components/profile/prices";
import { clinics as clinicsTable } from "@/db/schema";
import { aftercareScore, courseEstimate, DEFAULT_ASSUMPTIONS } from "@/lib/aftercare";
import { compareTable } from "@/lib/compare/rows";
import { publicReports, publicTallies } from "@/lib/patient-reports/service";
import { MAP_METRICS } from "@/lib/costs/features";
import { cityCosts, cityPages, nationCosts, stateCosts } from "@/lib/costs/queries";
import { staticHtml } from "@/lib/static-html";
import { freshDatabase } from "./support/db";

/**
 * The blocks of the cost, profile and compare pages that React does not hydrate (components/static.tsx) are rendered by our own
 * renderer (lib/static-html.ts); React's renderToStaticMarkup is the oracle. Each block, with the figures
 * of the seeded sample data (1,500 clinics), must come out exactly as React would have written it.
 */
let db: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  db = await freshDatabase({ seeded: true });
});
afterAll(async () => {
  await db?.drop();
});

const same = (node: ReactNode) => {
  const ours = staticHtml(node).__html;
  expect(ours.length).toBeGreaterThan(100);
  expect(ours).toBe(renderToStaticMarkup(node));
};

describe("the cost pages' static blocks render as React renders them", () => {
  it("the nation: headline, aftercare, every map, all figures, state links", async () => {
    const data = await nationCosts(db.db);
    same(h(Headline, { figures: data }));
    same(h(AftercareAddsSection, { figures: data, id: "us", place: "the US" }));
    for (const metric of MAP_METRICS) {
      same(h(UsMap, { rows: data.states, metric, route: "all" }));
      same(h(UsMapTable, { rows: data.states, metric, route: "iv_infusion" }));
    }
    same(h(AllFigures, { figures: data, id: "us", place: "United States", movement: data.movement }));
    same(h(StateLinks, { clinics: (s) => data.states.find((r) => r.state === s)?.clinics ?? 0 }));
  });

  it("a state: search links, all figures, cities, top clinics, the other states", async () => {
    const data = await stateCosts(db.db, "TX");
    same(h(SearchLinks, { figures: data, base: { state: "TX" }, place: "Texas" }));
    same(h(AllFigures, { figures: data, id: "tx", place: "Texas", movement: data.movement }));
    same(h(CitiesSection, { state: "TX", cities: data.cities }));
    same(h(TopClinics, { top: data.top, place: "Texas", scoreMedian: data.scoreMedian }));
    same(h(StateLinks, { except: "TX" }));
  });

  it("a city: all figures and top clinics", async () => {
    const [page] = await cityPages(db.db);
    expect(page).toBeDefined();
    const data = await cityCosts(db.db, page!.state, page!.city);
    same(h(Headline, { figures: data }));
    same(h(AllFigures, { figures: data, id: "city", place: page!.city }));
    same(h(TopClinics, { top: data.top, place: page!.city, scoreMedian: data.scoreMedian }));
  });
});

describe("the profile's and the compare table's static blocks render as React renders them", () => {
  it("every section of 40 listings' profiles, and compare tables of them two, three and four at a time", async () => {
    const rows = (await db.db.select().from(clinicsTable).limit(40)).filter((c) => c.status === "published");
    expect(rows.length).toBeGreaterThan(20);
    for (const clinic of rows) {
      same(h(AftercareSection, { clinic }));
      const reports = await publicReports(db.db, clinic);
      same(h(PatientReportsSection, { slug: clinic.slug, confirmed: clinic.patientConfirmed, reports }));
      same(h(ScoreBreakdown, { score: aftercareScore(clinic) }));
      same(h(PriceTable, { clinic }));
      same(h(CourseEstimateView, { estimate: courseEstimate(clinic), headingLevel: 4 }));
      same(h(PaymentSection, { clinic }));
      same(h(CareSection, { clinic }));
      same(h(PlaceSection, { clinic, sample: clinic.dataSource === "sample" }));
    }
    const now = new Date();
    for (const size of [2, 3, 4]) {
      for (let i = 0; i + size <= rows.length; i += 7) {
        const picked = rows.slice(i, i + size);
        const groups = compareTable(picked, DEFAULT_ASSUMPTIONS, now, await publicTallies(db.db, picked));
        for (const onlyDifferences of [false, true]) {
          same(
            h(CompareTable, { clinics: picked, groups, assumptions: DEFAULT_ASSUMPTIONS, onlyDifferences }),
          );
        }
      }
    }
  });
});
