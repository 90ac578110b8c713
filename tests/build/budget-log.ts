/** Budgets measured by the tests, written to .budgets/ and printed at the end of npm test. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./astro.ts";

/** One budget: what is measured, its limit and the value found. */
export interface Budget {
  name: string;
  limit: string;
  value: string;
  ok: boolean;
}

/** Records the budgets of one test file (one JSON file per `group`). */
export function recordBudgets(group: string, budgets: readonly Budget[]): void {
  const dir = join(projectRoot, ".budgets");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${group}.json`), JSON.stringify(budgets, null, 2));
}
