/**
 * npm run subscribers -- export: prints the confirmed subscribers as CSV (DATA_DIR/subscribers.db), each with
 * the address of their own unsubscribe page, for the link every letter must carry, and the one-click address
 * (RFC 8058) for the List-Unsubscribe header. The database is only read: a backup, even on read-only media, will do.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { toCsv } from "../src/lib/newsletter/csv.ts";
import { dataDir, publicUrl } from "../src/lib/newsletter/runtime.ts";
import { TOKEN_ACTIONS, withToken } from "../src/lib/newsletter/handler.ts";
import { readConfirmed } from "../src/lib/newsletter/sqlite-store.ts";
import type { Subscriber } from "../src/lib/newsletter/store.ts";

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
let subscribers: Subscriber[];
try {
  subscribers = readConfirmed(file);
} catch (error) {
  console.error(
    `Export impossible : ${file} ne peut pas être lu comme une base d’abonnés (${(error as Error).message}).`,
  );
  process.exit(1);
}
const site = publicUrl();
const rows = subscribers.map((s) => [
  s.email,
  s.confirmedAt ?? "",
  s.consentAt,
  s.source,
  `${site}${withToken(TOKEN_ACTIONS.unsubscribe.page, s.token)}`,
  `${site}${withToken(TOKEN_ACTIONS.unsubscribe.route, s.token)}`,
]);
// The addresses are written exactly as stored (no formula guard): a mailing tool must get them unchanged.
process.stdout.write(
  toCsv(["email", "confirme_le", "consentement_le", "page", "desinscription", "desinscription_un_clic"], rows, [
    "email",
  ]),
);
