// Integration files share one database per run. The seed test must meet it empty (it checks what
// a first run creates), so it goes first; the rest run in a stable, alphabetical order and may use
// the demo newsroom it leaves behind (tests/fixtures/ensure-demo-newsroom.ts).
import { BaseSequencer, type TestSpecification } from "vitest/node";

const runsFirst = (file: TestSpecification) => file.moduleId.endsWith("/tests/integration/seed.test.ts");

export class SeedFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
    return [...sorted.filter(runsFirst), ...sorted.filter((file) => !runsFirst(file))];
  }
}
