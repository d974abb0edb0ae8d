import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { format } from "prettier";
import { withParamTable } from "@/lib/search/api-docs";

/** Rewrites the parameter table of docs/api.md from the filter registry (`npm run docs:api`). */
const file = path.join(process.cwd(), "docs/api.md");
const next = withParamTable(readFileSync(file, "utf8"));
writeFileSync(file, await format(next, { parser: "markdown", printWidth: 110 }));
console.log(`wrote ${path.relative(process.cwd(), file)}`);
