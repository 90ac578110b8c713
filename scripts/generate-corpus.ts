/** npm run corpus -- <folder> [count] [seed]: writes a deterministic French corpus. */
import { generateCorpus } from "./corpus.ts";

const [dir, count = "200", seed = "42"] = process.argv.slice(2);
if (dir === undefined || !/^\d+$/.test(count) || !/^\d+$/.test(seed)) {
  console.error("Utilisation\u00a0: npm run corpus -- <dossier> [nombre=200] [graine=42]");
  process.exit(2);
}
const entries = generateCorpus(dir, Number(count), Number(seed));
console.log(`${entries.length} articles écrits dans ${dir}`);
