import { describe, expect, it } from "vitest";
import * as enums from "@/db/enums";
import { ENUM_LABELS, GLOSSARY, STATE_NAMES, STATES_BY_NAME } from "./labels";

/** Every value list exported by db/enums.ts (the zod schemas are skipped). */
const enumLists: Array<[string, readonly string[]]> = Object.entries(enums).flatMap(([name, value]) =>
  Array.isArray(value) ? [[name, value as readonly string[]] as [string, readonly string[]]] : [],
);

describe("labels", () => {
  it("has a label map for every value list in db/enums.ts", () => {
    expect(enumLists.length).toBeGreaterThan(0);
    expect(Object.keys(ENUM_LABELS).sort()).toEqual(enumLists.map(([name]) => name).sort());
  });

  it.each(enumLists)("labels every value of %s, and nothing else", (name, values) => {
    const labels: Readonly<Record<string, string>> | undefined =
      ENUM_LABELS[name as keyof typeof ENUM_LABELS];
    expect(labels).toBeDefined();
    expect(Object.keys(labels ?? {}).sort()).toEqual([...values].sort());
    for (const value of values) expect(labels?.[value]?.trim(), `${name}.${value}`).toBeTruthy();
  });
});

describe("GLOSSARY", () => {
  it("covers the terms a patient may not know", () => {
    for (const key of [
      "kap",
      "rems",
      "integration",
      "esketamine",
      "inductionSeries",
      "booster",
      "measurementBasedCare",
      "superbill",
      "hsaFsa",
      "slidingScale",
      "iv",
      "im",
      "sublingual",
      "recoveryRoom",
      "onCall",
      "medicalLead",
      "crna",
    ]) {
      expect(GLOSSARY, key).toHaveProperty(key);
    }
  });

  it("explains each term in one or two sentences", () => {
    for (const [key, { term, definition }] of Object.entries(GLOSSARY)) {
      expect(term.trim(), key).toBeTruthy();
      const sentences = definition.match(/[.!?](\s|$)/g) ?? [];
      expect(sentences.length, key).toBeGreaterThanOrEqual(1);
      expect(sentences.length, key).toBeLessThanOrEqual(2);
    }
  });
});

describe("STATES_BY_NAME", () => {
  it("lists the 50 states and DC once each, in the order localeCompare sorts their names", () => {
    expect([...STATES_BY_NAME].sort()).toEqual([...enums.US_STATES].sort());
    const byLocale = [...enums.US_STATES].sort((a, b) =>
      STATE_NAMES[a].localeCompare(STATE_NAMES[b], "en-US"),
    );
    expect(STATES_BY_NAME).toEqual(byLocale);
    expect(STATES_BY_NAME.slice(0, 3)).toEqual(["AL", "AK", "AZ"]);
  });
});
