// Pressbox's import boundaries as ESLint rules (eslint.config.mjs turns them on; STYLE.md, "Boundaries
// are checked by a tool"):
//   lib-imports-no-ui      lib/ never imports components/ or app/ (types included: data flows one way);
//   lib-imports-no-scripts lib/ never imports scripts/ (the command-line tools call lib, not the reverse);
//   components-no-data     components/ never imports lib/db nor, through any chain of value imports,
//                          a server-only module (one that says `import "server-only"`) or a database,
//                          file-system or request-header package;
//   client-no-server       a "use client" file never reaches, through value imports, a server-only
//                          module, such a package or any other Node.js built-in.
// "@/..." and relative paths are resolved like tsconfig does; `import type` (and imports whose names
// are all `type`) are erased by the compiler, so they cross no boundary. A followed file is parsed
// with the TypeScript compiler once per change (cached by modification time).
import { builtinModules } from "node:module";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const EXTENSIONS = [".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".jsx"];
// Packages that touch the database, the file system, processes or the request: never in components.
const DATA_PACKAGES = new Set(["server-only", "next/headers", "@prisma/client", "better-sqlite3", "pg", "sharp", "fs", "fs/promises", "child_process"]);
const NODE_BUILTINS = new Set(builtinModules);

const isNodeBuiltin = (specifier) => specifier.startsWith("node:") || NODE_BUILTINS.has(specifier.split("/")[0]);
const isDataPackage = (specifier) => DATA_PACKAGES.has(specifier.replace(/^node:/, "")) || specifier.startsWith("@prisma/adapter-");

function isFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

// The project file a specifier names ({ file }), or the package it names ({ packageName }).
// A project path that does not exist (yet) still resolves, so its folder can be judged.
export function resolveImport(specifier, fromFile, root) {
  let base;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(fromFile), specifier);
  else return { packageName: specifier };
  const candidates = [base, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => path.join(base, "index" + ext))];
  return { file: candidates.find(isFile) ?? base };
}

// --- the import graph outside the file being linted -------------------------------------------

const parsed = new Map(); // file -> { mtimeMs, imports: { specifier, isTypeOnly }[], isServerOnly, isServerActions }

function directives(statements) {
  const found = [];
  for (const statement of statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    found.push(statement.expression.text);
  }
  return found;
}

function isTypeOnlyImport(node) {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return !clause.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

function readImports(file) {
  let mtimeMs;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return { imports: [], isServerOnly: false, isServerActions: false };
  }
  const cached = parsed.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached;
  const kind = file.endsWith(".tsx") || file.endsWith(".jsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false, kind);
  const imports = [];
  let isServerOnly = false;
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const specifier = node.moduleSpecifier.text;
      if (specifier === "server-only" && !node.importClause) isServerOnly = true;
      imports.push({ specifier, isTypeOnly: isTypeOnlyImport(node) });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push({ specifier: node.moduleSpecifier.text, isTypeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      imports.push({ specifier: node.arguments[0].text, isTypeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const entry = { mtimeMs, imports, isServerOnly, isServerActions: directives(source.statements).includes("use server") };
  parsed.set(file, entry);
  return entry;
}

// The chain of files from `file` to the first server-only module or forbidden package it reaches
// through value imports (ending with the module or "package <name>"), or null. A "use server"
// file ends the walk: importing it gives the client references to its actions, not its code.
// A "no" found while an import cycle was cut short is not remembered: it may be a "yes" from
// another starting point.
function serverChain(file, root, isForbiddenPackage, memo, visiting = new Set()) {
  if (memo.chains.has(file)) return memo.chains.get(file);
  if (visiting.has(file)) {
    memo.cycleCuts += 1;
    return null;
  }
  const { imports, isServerOnly, isServerActions } = readImports(file);
  if (isServerActions) return null;
  const cutsBefore = memo.cycleCuts;
  visiting.add(file);
  let chain = isServerOnly ? [file] : null;
  for (const { specifier, isTypeOnly } of chain ? [] : imports) {
    if (isTypeOnly) continue;
    const target = resolveImport(specifier, file, root);
    const rest = target.packageName ? (isForbiddenPackage(target.packageName) ? [`package "${target.packageName}"`] : null) : serverChain(target.file, root, isForbiddenPackage, memo, visiting);
    if (rest) {
      chain = [file, ...rest];
      break;
    }
  }
  visiting.delete(file);
  if (chain || memo.cycleCuts === cutsBefore) memo.chains.set(file, chain);
  return chain;
}

// --- the file being linted ----------------------------------------------------------------------

const within = (file, root, folder) => !path.relative(path.join(root, folder), file).startsWith("..");
const shown = (file, root) => (file.startsWith("package ") ? file : path.relative(root, file));

function isTypeOnlyDeclaration(node) {
  if (node.type === "ImportDeclaration") {
    if (node.importKind === "type") return true;
    return node.specifiers.length > 0 && node.specifiers.every((specifier) => specifier.type === "ImportSpecifier" && specifier.importKind === "type");
  }
  return node.exportKind === "type";
}

// Calls `check(node, specifier, isTypeOnly)` for every import, re-export and import() with a
// literal source in the linted file.
function importVisitors(check) {
  const declaration = (node) => {
    if (node.source && typeof node.source.value === "string") check(node.source, node.source.value, isTypeOnlyDeclaration(node));
  };
  return {
    ImportDeclaration: declaration,
    ExportNamedDeclaration: declaration,
    ExportAllDeclaration: declaration,
    ImportExpression(node) {
      if (node.source.type === "Literal" && typeof node.source.value === "string") check(node.source, node.source.value, false);
    },
  };
}

function hasUseClient(program) {
  for (const statement of program.body) {
    if (statement.type !== "ExpressionStatement" || typeof statement.directive !== "string") return false;
    if (statement.directive === "use client") return true;
  }
  return false;
}

// A rule that, for files it applies to, reports value imports reaching a server module.
function serverReachRule({ description, appliesTo, isForbiddenPackage, isForbiddenFile, message }) {
  return {
    meta: { type: "problem", docs: { description }, schema: [], messages: { reaches: message } },
    create(context) {
      const root = context.cwd;
      const file = context.filename;
      if (!appliesTo(file, root, context.sourceCode.ast)) return {};
      const memo = { chains: new Map(), cycleCuts: 0 };
      return importVisitors((node, specifier, isTypeOnly) => {
        const target = resolveImport(specifier, file, root);
        if (target.file && isForbiddenFile?.(target.file, root)) {
          context.report({ node, messageId: "reaches", data: { specifier, chain: shown(target.file, root) } });
          return;
        }
        if (isTypeOnly) return;
        const chain = target.packageName ? (isForbiddenPackage(target.packageName) ? [`package "${target.packageName}"`] : null) : serverChain(target.file, root, isForbiddenPackage, memo);
        if (chain) context.report({ node, messageId: "reaches", data: { specifier, chain: chain.map((step) => shown(step, root)).join(" → ") } });
      });
    },
  };
}

const isDatabaseModule = (file, root) => {
  const relative = path.relative(root, file).replace(/\\/g, "/");
  return /^lib\/db(\.[cm]?[jt]sx?)?$/.test(relative) || relative.startsWith("lib/generated/");
};

// A rule that refuses any import (types included) from a file in lib/ of a file in `folders`.
function libImportsNoneOf({ folders, description, reason }) {
  return {
    meta: {
      type: "problem",
      docs: { description },
      schema: [],
      messages: { upward: `lib/ must not import "{{specifier}}" ({{target}}): ${reason}; move what both need into lib/.` },
    },
    create(context) {
      const root = context.cwd;
      const file = context.filename;
      if (!within(file, root, "lib")) return {};
      return importVisitors((node, specifier) => {
        const target = resolveImport(specifier, file, root).file;
        if (target && folders.some((folder) => within(target, root, folder))) {
          context.report({ node, messageId: "upward", data: { specifier, target: path.relative(root, target) } });
        }
      });
    },
  };
}

/** @type {Record<string, import("eslint").Rule.RuleModule>} */
export const rules = {
  "lib-imports-no-ui": libImportsNoneOf({
    folders: ["components", "app"],
    description: "lib/ never imports components/ or app/",
    reason: "data flows route → lib → prisma",
  }),
  "lib-imports-no-scripts": libImportsNoneOf({
    folders: ["scripts"],
    description: "lib/ never imports scripts/",
    reason: "scripts may import lib, not the reverse",
  }),
  "components-no-data": serverReachRule({
    description: "components/ never imports lib/db or a server-only module",
    // A "use client" component answers to client-no-server, which asks more of it.
    appliesTo: (file, root, program) => within(file, root, "components") && !hasUseClient(program),
    isForbiddenPackage: isDataPackage,
    isForbiddenFile: isDatabaseModule,
    message: 'Components have no data access: "{{specifier}}" reaches {{chain}}. Let the page or action in app/ call lib/ and pass the data in (an `import type` is fine).',
  }),
  "client-no-server": serverReachRule({
    description: '"use client" files never import server modules',
    appliesTo: (file, root, program) => hasUseClient(program),
    isForbiddenPackage: (name) => isDataPackage(name) || isNodeBuiltin(name),
    isForbiddenFile: isDatabaseModule,
    message: 'A "use client" file must not import server code: "{{specifier}}" reaches {{chain}}. Pass the data in as props or call a server action (an `import type` is fine).',
  }),
};

/** @type {import("eslint").ESLint.Plugin} */
const plugin = { meta: { name: "pressbox-boundaries" }, rules };
export default plugin;
