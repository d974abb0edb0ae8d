import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import drizzle from "eslint-plugin-drizzle";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const NEXT_LINK = { name: "next/link", message: "Use @/components/link (no prefetching)." };

/**
 * The direction of imports (docs/ARCHITECTURE.md): app → components → lib → db. Pages and route
 * handlers live in app/ and nothing imports them; db/ (schema, migrations, seed, geo) knows nothing of
 * the domain; only the launcher and the test harness use scripts/.
 */
const layer = (forbidden, why) => ({
  "no-restricted-imports": [
    "error",
    {
      paths: [NEXT_LINK],
      patterns: forbidden.map((dir) => ({
        group: [`@/${dir}/*`, `@/${dir}`, `**/${dir}/**`],
        message: `${why} (docs/ARCHITECTURE.md, "Layers").`,
      })),
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["**/*.{ts,tsx,mjs}"],
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks, drizzle },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      ...reactHooks.configs.recommended.rules,
      // A Drizzle update or delete without `where` rewrites or empties a whole table.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx", "conn.db"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx", "conn.db"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-empty": ["error", { allowEmptyCatch: false }],
      "no-restricted-imports": ["error", { paths: [NEXT_LINK] }],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: layer(["app", "scripts"], "components/ may import lib/ and db/, never app/ or scripts/"),
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: layer(
      ["app", "components", "scripts"],
      "lib/ may import db/, never app/, components/ or scripts/",
    ),
  },
  {
    files: ["db/**/*.ts"],
    rules: layer(["app", "components", "lib", "scripts"], "db/ imports nothing of the app"),
  },
  {
    // A focused test (`test.only`, `describe.only`, `it.only`…) silently skips the rest of the suite.
    files: ["e2e/**/*.ts", "test/**/*.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression > MemberExpression.callee[property.name='only']",
          message: "Focused test: remove `.only` before committing (it skips every other test).",
        },
      ],
    },
  },
  {
    files: ["components/link.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
);
