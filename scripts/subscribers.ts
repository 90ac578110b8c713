/**
 * npm run subscribers -- export: prints the confirmed subscribers as CSV (DATA_DIR/subscribers.db),
 * each with the address of their own unsubscribe page, for the link every letter must carry.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { toCsv } from "../src/lib/newsletter/csv.ts";
import { dataDir, publicUrl } from "../src/lib/newsletter/runtime.ts";
import { TOKEN_ACTIONS, withToken } from "../src/lib/newsletter/handler.ts";
import { openSqliteStore } from "../src/lib/newsletter/sqlite-store.ts";

const [command] = process.argv.slice(2);
if (command !== "export") {
  console.error("Usage : npm run subscribers -- export   (écrit les abonnés confirmés en CSV sur la sortie standard)");
  process.exit(2);
}
const file = join(dataDir(), "subscribers.db");
if (!existsSync(file)) {
  console.error(`Aucune base d’abonnés : ${file} n’existe pas (DATA_DIR=${dataDir()}).`);
  process.exit(1);
}
const store = openSqliteStore(file);
const site = publicUrl();
const rows = store
  .confirmed()
  .map((s) => [
    s.email,
    s.confirmedAt ?? "",
    s.consentAt,
    s.source,
    `${site}${withToken(TOKEN_ACTIONS.unsubscribe.page, s.token)}`,
  ]);
process.stdout.write(toCsv(["email", "confirme_le", "consentement_le", "page", "desinscription"], rows));
store.close();
