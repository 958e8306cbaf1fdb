// `npm test`: the whole suite, its Vitest projects side by side on every core.
// 1. lint, formatting and the type check, and beside them the production build the e2e and hostile
//    servers run (`next build`, skipped when current); the suite stops here if one fails;
// 2. five Vitest processes side by side: unit + integration-sqlite, integration-postgres, e2e +
//    scale (tests/scale: several instances behind Varnish), and the hostile files in two halves
//    (Vitest's --shard: each hostile file makes its own databases and servers).
// Each Vitest project keeps its own files in order (they share a database or a server), and one
// Vitest process runs its projects one after another, so the longest process sets the time: on
// 2 cores the suite is bound by CPU, and five processes keep both cores busy where three left
// them a quarter idle (2026-12-07: 1,390 CPU seconds in 896 s). Each line of output is prefixed
// with its stream's name; the exit code is non-zero when any step fails.
// One project alone: `npx vitest run --project <name>` (see README "Tests").
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { stripVTControlCharacters } from "node:util";
import { signalGroup, spawnGroup } from "./process-group";

// `isSuite`: a Vitest run, which must end with its summary to count as passed.
type Step = { name: string; command: string; args: string[]; isSuite?: boolean };

const bin = (name: string) => path.join("node_modules", ".bin", name);

const CHECKS: Step[] = [
  { name: "lint", command: bin("eslint"), args: ["."] },
  { name: "format", command: bin("prettier"), args: ["--check", "--log-level", "warn", "."] },
  { name: "tsc", command: bin("tsc"), args: ["--noEmit"] },
];
const BUILD: Step = { name: "build", command: process.execPath, args: ["--import", "tsx", "scripts/test-build.ts"] };
const vitest = (name: string, ...args: string[]): Step => ({ name, command: bin("vitest"), args: ["run", ...args], isSuite: true });
const SUITES: Step[] = [
  vitest("sqlite", "--project", "unit", "--project", "integration-sqlite"),
  vitest("postgres", "--project", "integration-postgres"),
  vitest("e2e", "--project", "e2e", "--project", "scale"),
  vitest("hostile-1", "--project", "hostile", "--shard", "1/2"),
  vitest("hostile-2", "--project", "hostile", "--shard", "2/2"),
];

// Vitest's summary line when a file or test failed ("Test Files  1 failed | 12 passed (13)").
const FAILED_SUMMARY = /^\s*(Test Files|Tests)\s+\d+ failed\b/;
// Its summary of the tests it ran ("Tests  336 passed (336)").
const TESTS_SUMMARY = /^\s*Tests\s+\d+ (passed|failed|skipped)\b/;
// Where its account of the failures begins ("⎯⎯⎯ Failed Tests 1 ⎯⎯⎯", "Failed Suites", "Unhandled
// Errors"): from there to the summary, a failed suite's lines are printed again at the very end,
// so a log read from its tail (as CI shows it) names what failed and why.
const FAILURES_START = /⎯\s*(Failed Tests|Failed Suites|Unhandled Errors?)\b/;
const RECAP_LINES = 300;
// Each failed suite's account of its failures, printed again after every suite has finished.
const recaps = new Map<string, string[]>();

const running = new Set<ChildProcess>();

function stopAll(signal: NodeJS.Signals): void {
  for (const child of running) signalGroup(child, signal);
}

// Runs one step in its own process group, its output prefixed; resolves with its exit code.
function run(step: Step): Promise<number> {
  const started = Date.now();
  const child = spawnGroup(step.command, step.args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: "1" } : { NO_COLOR: "1" }) } });
  running.add(child);
  const prefix = `[${step.name}] `;
  // Vitest's own summary counts too: a library's exit hook once ended a red run with code 0.
  let reportedFailures = false;
  // And a suite that ends without it ran no tests: once, in a newcomer's run, the hostile Vitest
  // process exited 0 sixteen seconds in, before any test, and was counted as passed.
  let reportedTests = false;
  let recap: string[] | undefined;
  for (const stream of [child.stdout!, child.stderr!])
    createInterface({ input: stream }).on("line", (line) => {
      const plain = stripVTControlCharacters(line);
      if (FAILED_SUMMARY.test(plain)) reportedFailures = true;
      if (TESTS_SUMMARY.test(plain)) reportedTests = true;
      if (FAILURES_START.test(plain)) recap ??= [];
      if (recap && recap.length < RECAP_LINES) recap.push(plain);
      process.stdout.write(prefix + line + "\n");
    });
  return new Promise((resolve) => {
    child.on("error", (error) => {
      process.stdout.write(`${prefix}could not start: ${error.message}\n`);
      resolve(1);
    });
    child.on("close", (code, signal) => {
      running.delete(child);
      const silent = step.isSuite === true && !reportedTests;
      const status = code === 0 && (reportedFailures || silent) ? 1 : (code ?? (signal ? 128 : 1));
      if (code === 0 && reportedFailures) process.stdout.write(`${prefix}exited 0 but reported failed tests: counted as a failure\n`);
      else if (code === 0 && silent) process.stdout.write(`${prefix}exited 0 without reporting any test run: counted as a failure\n`);
      process.stdout.write(`${prefix}${status === 0 ? "passed" : `FAILED (exit ${code ?? signal})`} in ${Math.round((Date.now() - started) / 1000)} s\n`);
      if (status !== 0 && recap) recaps.set(step.name, recap);
      resolve(status);
    });
  });
}

async function phase(name: string, steps: Step[]): Promise<boolean> {
  const codes = await Promise.all(steps.map(run));
  const failed = steps.filter((_, index) => codes[index] !== 0).map((step) => step.name);
  for (const step of failed) {
    const recap = recaps.get(step);
    if (!recap) continue;
    console.log(`\nnpm test: what [${step}] reported failing (${recap.length === RECAP_LINES ? `its first ${RECAP_LINES} lines` : "again"}):`);
    for (const line of recap) console.log(`[${step}] ${line}`);
  }
  if (failed.length) console.log(`npm test: ${name} failed (${failed.join(", ")}); see the lines prefixed with ${failed.map((f) => `[${f}]`).join(", ")} above.`);
  return failed.length === 0;
}

async function main(): Promise<number> {
  const started = Date.now();
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      stopAll("SIGTERM");
      process.exit(130);
    });
  process.on("exit", () => stopAll("SIGKILL"));
  const ok = (await phase("the checks and the build", [...CHECKS, BUILD])) && (await phase("the tests", SUITES));
  console.log(`npm test: ${ok ? "passed" : "FAILED"} after ${Math.round((Date.now() - started) / 1000)} s`);
  return ok ? 0 : 1;
}

main().then((code) => process.exit(code));
