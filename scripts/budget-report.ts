/** Prints every budget the tests measured (.budgets/*.json): name, limit, value. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

interface Budget {
  name: string;
  limit: string;
  value: string;
  ok: boolean;
}

const dir = join(import.meta.dirname, "../.budgets");
const budgets: Budget[] = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .flatMap((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Budget[])
  : [];
if (budgets.length === 0) {
  console.error("Aucun budget mesuré : lancez npm test.");
  process.exit(1);
}
const width = Math.max(...budgets.map((b) => b.name.length));
console.log(`\n${"Budget".padEnd(width)}  ${"Limite".padEnd(9)}  Valeur`);
for (const b of budgets)
  console.log(`${b.name.padEnd(width)}  ${b.limit.padEnd(9)}  ${b.value}${b.ok ? "" : "  ← dépassé"}`);
const failed = budgets.filter((b) => !b.ok).length;
console.log(`\nbudgets: ${budgets.length - failed} passed, ${failed} failed`);
if (failed > 0) process.exit(1);
