// The import boundaries and the `as unknown as` rule, run through ESLint's API on sources held in
// memory: once with the project's own eslint.config.mjs (so the rules are on where they should be),
// and once on a small made-up tree (so the chains through other files are followed as they should).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ESLint, type Linter } from "eslint";
import tseslint from "typescript-eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import boundaries from "./boundaries.mjs";

const ROOT = path.resolve(__dirname, "..", "..");

async function problems(eslint: ESLint, code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe("the project's ESLint config", () => {
  const eslint = new ESLint({ cwd: ROOT });
  const lint = (code: string, file: string) => problems(eslint, code, path.join(ROOT, file));

  it("refuses lib code that imports components or app, by alias or relative path, types included", async () => {
    expect(await lint(`import { StoryBody } from "@/components/site/story/story-body";\nexport const a = StoryBody;\n`, "lib/editor/example.ts")).toEqual([
      expect.stringContaining("boundaries/lib-imports-no-ui"),
    ]);
    expect(await lint(`import type { Props } from "../../app/(site)/layout";\nexport type A = Props;\n`, "lib/editor/example.ts")).toEqual([expect.stringContaining("boundaries/lib-imports-no-ui")]);
    expect(await lint(`import { db } from "@/lib/db";\nexport const a = db;\n`, "lib/editor/example.ts")).toEqual([]);
  });

  it("refuses lib code that imports scripts, and lets scripts import lib", async () => {
    expect(await lint(`import { runTests } from "../../scripts/test";\nexport const a = runTests;\n`, "lib/backup/example.ts")).toEqual([expect.stringContaining("boundaries/lib-imports-no-scripts")]);
    expect(await lint(`import { deployMigrations } from "@/scripts/db/deploy";\nexport const a = deployMigrations;\n`, "lib/example.ts")).toEqual([expect.stringContaining("boundaries/lib-imports-no-scripts")]);
    expect(await lint(`import { deployMigrations } from "../../lib/migrations/deploy";\nexport const a = deployMigrations;\n`, "scripts/db/example.ts")).toEqual([]);
  });

  it("refuses components that import lib/db or reach a server-only module, and allows their types", async () => {
    const file = "components/site/example.tsx";
    expect(await lint(`import { db } from "@/lib/db";\nexport const a = db;\n`, file)).toEqual([expect.stringContaining("boundaries/components-no-data")]);
    expect(await lint(`import type { Db } from "@/lib/db";\nexport type A = Db;\n`, file)).toEqual([expect.stringContaining("boundaries/components-no-data")]);
    expect(await lint(`import { loadArticlePage } from "@/lib/articles/page/article-page";\nexport const a = loadArticlePage;\n`, file)).toEqual([
      expect.stringMatching(/boundaries\/components-no-data: .*lib\/articles\/page\/article-page\.ts/),
    ]);
    expect(await lint(`import { headers } from "next/headers";\nexport const a = headers;\n`, file)).toEqual([expect.stringContaining('package "next/headers"')]);
    expect(await lint(`import type { ArticlePage } from "@/lib/articles/page/article-page";\nexport type A = ArticlePage;\n`, file)).toEqual([]);
    expect(await lint(`import { type ArticlePage } from "@/lib/articles/page/article-page";\nexport type A = ArticlePage;\n`, file)).toEqual([]);
  });

  it("refuses a client component that reaches Node.js built-ins, and allows the same import on the server", async () => {
    const code = `import { randomUUID } from "node:crypto";\nexport const a = randomUUID;\n`;
    expect(await lint(`"use client";\n${code}`, "components/newsroom/example.tsx")).toEqual([expect.stringContaining("boundaries/client-no-server")]);
    expect(await lint(`"use client";\n${code}`, "app/(site)/example.tsx")).toEqual([expect.stringContaining("boundaries/client-no-server")]);
    expect(await lint(code, "components/newsroom/example.tsx")).toEqual([]);
  });

  it("refuses `as unknown as` except in the listed seams", async () => {
    const code = `export const a = (b: number) => b as unknown as string;\n`;
    expect(await lint(code, "lib/example.ts")).toEqual([expect.stringContaining("no-restricted-syntax")]);
    expect(await lint(code, "tests/integration/example.test.ts")).toEqual([expect.stringContaining("no-restricted-syntax")]);
    expect(await lint(code, "lib/auth/session.ts")).toEqual([]);
    expect(await lint(`export const a = (b: unknown) => b as string;\n`, "lib/example.ts")).toEqual([]);
  });
});

describe("the boundary rules on a made-up tree", () => {
  let root: string;
  let eslint: ESLint;

  const files: Record<string, string> = {
    "lib/db.ts": `import "server-only";\nexport const db = {};\n`,
    "lib/secret.ts": `import "server-only";\nexport const secret = "s";\n`,
    "lib/queries.ts": `import { db } from "./db";\nexport const read = () => db;\n`,
    "lib/via-alias.ts": `export { read } from "@/lib/queries";\n`,
    "lib/types-only.ts": `import type { db } from "./db";\nexport type Db = typeof db;\nexport const label = "x";\n`,
    "lib/lazy.ts": `export const load = () => import("./secret");\n`,
    "lib/cycle-a.ts": `import { b } from "./cycle-b";\nexport const a = () => b;\n`,
    "lib/cycle-b.ts": `import { a } from "./cycle-a";\nimport { secret } from "./secret";\nexport const b = () => [a, secret];\n`,
    "lib/pure.ts": `export const add = (x: number, y: number) => x + y;\n`,
    "lib/reads-file.ts": `import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n`,
    "scripts/tool.ts": `export const run = () => 1;\n`,
    "app/actions.ts": `"use server";\nimport { read } from "@/lib/queries";\nexport async function act() {\n  return read();\n}\n`,
  };

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "pressbox-boundaries-"));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    const config: Linter.Config[] = [
      { files: ["**/*.ts", "**/*.tsx"], languageOptions: { parser: tseslint.parser as Linter.Parser } },
      {
        files: ["**/*.ts", "**/*.tsx"],
        plugins: { boundaries },
        rules: { "boundaries/lib-imports-no-ui": "error", "boundaries/lib-imports-no-scripts": "error", "boundaries/components-no-data": "error", "boundaries/client-no-server": "error" },
      },
    ];
    eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const clientFile = (imports: string) => problems(eslint, `"use client";\n${imports}\nexport const x = 1;\n`, path.join(root, "components", "example.tsx"));

  it("follows value imports through other files and re-exports, and names the chain", async () => {
    expect(await clientFile(`import { read } from "@/lib/via-alias";`)).toEqual([expect.stringContaining("lib/via-alias.ts → lib/queries.ts → lib/db.ts")]);
  });

  it("follows import() and import cycles", async () => {
    expect(await clientFile(`import { load } from "../lib/lazy";`)).toEqual([expect.stringContaining("lib/lazy.ts → lib/secret.ts")]);
    expect(await clientFile(`import { b } from "@/lib/cycle-b";`)).toEqual([expect.stringContaining("lib/cycle-b.ts → lib/secret.ts")]);
    expect(await clientFile(`import { a } from "@/lib/cycle-a";`)).toEqual([expect.stringContaining("lib/cycle-a.ts → lib/cycle-b.ts → lib/secret.ts")]);
  });

  it("refuses the file system, reached through lib, in client files and components; app may use it", async () => {
    expect(await clientFile(`import { read } from "@/lib/reads-file";`)).toEqual([expect.stringContaining('lib/reads-file.ts → package "node:fs"')]);
    expect(await problems(eslint, `import { read } from "@/lib/reads-file";\nexport const x = read;\n`, path.join(root, "components", "server-view.tsx"))).toEqual([
      expect.stringContaining('lib/reads-file.ts → package "node:fs"'),
    ]);
    expect(await problems(eslint, `import { read } from "@/lib/reads-file";\nexport const x = read;\n`, path.join(root, "app", "page.tsx"))).toEqual([]);
  });

  it("lets through type-only imports, files whose server imports are type-only, pure modules and server actions", async () => {
    expect(await clientFile(`import type { Db } from "@/lib/types-only";`)).toEqual([]);
    expect(await clientFile(`import { label } from "@/lib/types-only";`)).toEqual([]);
    expect(await clientFile(`import { add } from "@/lib/pure";`)).toEqual([]);
    expect(await clientFile(`import { act } from "@/app/actions";`)).toEqual([]);
  });

  it("applies to lib and components only by folder: lib may use the data layer, app may too", async () => {
    expect(await problems(eslint, `import { read } from "./queries";\nexport const x = read;\n`, path.join(root, "lib", "example.ts"))).toEqual([]);
    expect(await problems(eslint, `import { read } from "@/lib/queries";\nexport const x = read;\n`, path.join(root, "app", "page.tsx"))).toEqual([]);
    expect(await problems(eslint, `import { x } from "@/app/page";\nexport const y = x;\n`, path.join(root, "lib", "example.ts"))).toEqual([expect.stringContaining("boundaries/lib-imports-no-ui")]);
    expect(await problems(eslint, `import { run } from "../scripts/tool";\nexport const y = run;\n`, path.join(root, "lib", "example.ts"))).toEqual([
      expect.stringContaining("boundaries/lib-imports-no-scripts"),
    ]);
  });
});
