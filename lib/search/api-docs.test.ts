import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiParamRows, readParamTable } from "./api-docs";
import { PARAM_NAMES } from "./query";

describe("docs/api.md", () => {
  it("lists every parameter exactly as the registry and the parser define it (npm run docs:api rewrites it)", () => {
    const doc = readFileSync(path.join(process.cwd(), "docs/api.md"), "utf8");
    const rows = readParamTable(doc);
    expect(rows.map((r) => r.param)).toEqual(PARAM_NAMES.map((p) => `\`${p}\``));
    expect(rows).toEqual(apiParamRows());
  });
});
