// ESLint flat config: `npm run lint`, and the first step of `npm test`. Recommended rule sets
// (ESLint, typescript-eslint without type information, React hooks, Next.js) plus Pressbox's
// import boundaries (scripts/lint/boundaries.mjs) and the `as unknown as` allow-list below.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";
import boundaries from "./scripts/lint/boundaries.mjs";

// The only files that may write `x as unknown as T`: seams where a library's declared type and
// the value Pressbox hands it cannot meet. Anywhere else, type the value or parse it.
const AS_UNKNOWN_AS_SEAMS = [
  // next-auth's getToken() is typed for a Next.js request; the session reader hands it the
  // request's cookies and headers read through next/headers, which is all getToken() reads.
  "lib/auth/session.ts",
  // Hostile tests hand deliberately mistyped values (an object where a string belongs, a malformed
  // case list) to code typed against them: the lie to the compiler is the point of the test.
  "tests/hostile/inputs.test.ts",
  "tests/hostile/support/xss-refusals.ts",
  // The pinned-adapter test hands the SQLite setup adapters of a deliberately different shape, to
  // prove it refuses them at connect time.
  "lib/sqlite/pinned-adapter.test.ts",
  // A hook the test installs on `window` (page.exposeFunction), which the DOM type cannot declare
  // without declaring it for every file.
  "tests/e2e/security-headers.test.ts",
];

const asUnknownAs = {
  selector: "TSAsExpression > TSAsExpression.expression > TSUnknownKeyword.typeAnnotation",
  message: "No `as unknown as`: type the value (or parse it with zod). Real adapter seams are listed in eslint.config.mjs.",
};

export default tseslint.config(
  {
    ignores: ["node_modules/", ".next/", "lib/generated/", "test-results/", "data/", "backups/", "bench/out/", "bench/next-control/.next/", "next-env.d.ts"],
  },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat["recommended-latest"],
  nextPlugin.configs["core-web-vitals"],
  {
    rules: {
      // `const { body: _body, ...fields } = article` is how the code leaves fields out of a copy.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      // `let { version, article } = …` where only version changes later reads better than two lines.
      "prefer-const": ["error", { destructuring: "all" }],
      // Plain links are deliberate: every page is served whole from the page cache (see README's
      // Benchmark); next/link would add client navigation and prefetch requests.
      "@next/next/no-html-link-for-pages": "off",
      // Pictures are the media library's own renditions (lib/media/renditions.ts), with their
      // own sizes and formats; next/image would resize them a second time.
      "@next/next/no-img-element": "off",
      // The text sanitizers (lib/text-input.ts, lib/feeds/xml.ts, the search highlighter…) match
      // control characters on purpose.
      "no-control-regex": "off",
      "no-restricted-syntax": ["error", asUnknownAs],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    languageOptions: {
      globals: { process: "readonly", console: "readonly", require: "readonly", module: "writable", __dirname: "readonly", Response: "readonly", URL: "readonly" },
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    plugins: { boundaries },
    rules: {
      "boundaries/lib-imports-no-ui": "error",
      "boundaries/lib-imports-no-scripts": "error",
      "boundaries/components-no-data": "error",
      "boundaries/client-no-server": "error",
    },
  },
  { files: AS_UNKNOWN_AS_SEAMS, rules: { "no-restricted-syntax": "off" } },
);
