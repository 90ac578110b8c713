/**
 * npm run subscribers -- export: prints the confirmed subscribers as CSV (DATA_DIR/subscribers.db), each with
 * the address of their own unsubscribe page, for the link every letter must carry, and the one-click address
 * (RFC 8058) for the List-Unsubscribe header, on the built site's address as the server's e-mails (PUBLIC_URL overrides
 * both). The database is only read: a backup, even on read-only media, will do.
 *
 * npm run subscribers -- chercher <adresse> | supprimer <adresse>: what is kept about one address, or its erasure,
 * for a reader who writes to ask (admin.ts); the address is read as a signup reads it.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { eraseSubscriber, findSubscriber } from "../src/lib/newsletter/admin.ts";
import { toCsv } from "../src/lib/newsletter/csv.ts";
import { eraseOutboxMessages } from "../src/lib/newsletter/mail.ts";
import { dataDir, outboxDir, publicUrl } from "../src/lib/newsletter/runtime.ts";
import { subscriberLinks } from "../src/lib/newsletter/links.ts";
import {
  ADMIN_BUSY_TIMEOUT_MS,
  findReadOnly,
  openSqliteStore,
  readConfirmed,
} from "../src/lib/newsletter/sqlite-store.ts";
import { SITE } from "../src/config.ts";
import { messageOf } from "../src/lib/errors.ts";
import { builtSiteUrl, distDir, readBuiltSettings } from "../server/site-settings.ts";
import type { Subscriber } from "../src/lib/newsletter/store.ts";

const USAGE = `Utilisation\u00a0:
  npm run --silent subscribers -- export                 écrit les abonnés confirmés en CSV sur la sortie standard
  npm run --silent subscribers -- chercher <adresse>     montre ce que la base garde de cette adresse
  npm run --silent subscribers -- supprimer <adresse>    efface cette adresse de la base, quel que soit son état`;

// A reader that stops reading (npm run subscribers -- export | head -3) closes the pipe: stop quietly, not with a stack.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const [command, address, ...rest] = process.argv.slice(2);
const oneAddress = command === "chercher" || command === "supprimer";
if (!(command === "export" && address === undefined) && !(oneAddress && address !== undefined && rest.length === 0)) {
  // What was wrong, before how to write it.
  const known = command === "export" || oneAddress;
  if (command !== undefined && !known) console.error(`Commande inconnue\u00a0: ${command}`);
  console.error(USAGE);
  process.exit(2);
}
const file = join(dataDir(), "subscribers.db");
if (!existsSync(file)) {
  console.error(`Aucune base d’abonnés\u00a0: ${file} n’existe pas (DATA_DIR=${dataDir()}).`);
  process.exit(1);
}

if (oneAddress) {
  let result;
  try {
    if (command === "chercher") {
      // Read only, as the export: a backup on read-only media will do.
      result = findSubscriber({ find: (email) => findReadOnly(file, email) }, address ?? "", file);
    } else {
      // It may wait for the server's lock: the server waits far less for its own (SERVER_BUSY_TIMEOUT_MS).
      const store = openSqliteStore(file, { busyTimeoutMs: ADMIN_BUSY_TIMEOUT_MS });
      try {
        result = eraseSubscriber(store, address ?? "", file, (erased) => eraseOutboxMessages(outboxDir(), erased));
      } finally {
        store.close();
      }
    }
  } catch (error) {
    console.error(`Base d’abonnés inutilisable\u00a0: ${file} (${messageOf(error)}).`);
    process.exit(1);
  }
  process.stdout.write(result.out);
  process.stderr.write(result.err);
  process.exit(result.code);
}

let subscribers: Subscriber[];
try {
  subscribers = readConfirmed(file);
} catch (error) {
  console.error(`Export impossible\u00a0: ${file} ne peut pas être lu comme une base d’abonnés (${messageOf(error)}).`);
  process.exit(1);
}
// The links lead where the server's e-mails lead: the built site's address (server/site-settings.ts).
const built = readBuiltSettings(join(distDir(), "server"));
const { siteUrl, warning } = builtSiteUrl(built, "l’export");
if (warning !== undefined) console.error(warning);
const site = publicUrl(process.env, siteUrl ?? SITE.url);
const rows = subscribers.map((s) => {
  const { unsubscribePage, oneClickUnsubscribe } = subscriberLinks(site, s);
  return [s.email, s.confirmedAt ?? "", s.consentAt, s.source, unsubscribePage, oneClickUnsubscribe];
});
// The addresses are written exactly as stored (no formula guard): a mailing tool must get them unchanged.
process.stdout.write(
  toCsv(["email", "confirme_le", "consentement_le", "page", "desinscription", "desinscription_un_clic"], rows, [
    "email",
  ]),
);
