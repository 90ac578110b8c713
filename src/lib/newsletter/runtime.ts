/**
 * The newsletter's runtime wiring, read from the environment when the server first needs it:
 * DATA_DIR (default ./data) holds subscribers.db and outbox/; SMTP_URL switches to SMTP.
 */
import { join, resolve } from "node:path";
import { SITE } from "../../config.ts";
import type { NewsletterDeps } from "./handler.ts";
import { outboxTransport, smtpTransport } from "./mail.ts";
import { openSqliteStore } from "./sqlite-store.ts";

let deps: NewsletterDeps | undefined;

/** Where the data lives: $DATA_DIR or ./data. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env["DATA_DIR"] ?? "data");
}

/** The store, mail transport and settings of this process, opened once. */
export function newsletter(env: NodeJS.ProcessEnv = process.env): NewsletterDeps {
  if (deps !== undefined) return deps;
  const dir = dataDir(env);
  const from = env["MAIL_FROM"] ?? `${SITE.name} <newsletter@digimedia.fr>`;
  const outbox = outboxTransport(join(dir, "outbox"), from);
  const smtp = env["SMTP_URL"];
  deps = {
    store: openSqliteStore(join(dir, "subscribers.db")),
    mail: smtp !== undefined && smtp !== "" ? smtpTransport(smtp, from, outbox) : outbox,
    publicUrl: (env["PUBLIC_URL"] ?? SITE.url).replace(/\/$/, ""),
    allowedOrigins: [new URL(SITE.url).origin, ...(env["ALLOWED_ORIGINS"] ?? "").split(",").filter((o) => o !== "")],
    now: () => new Date(),
  };
  return deps;
}

/** Closes the store (on shutdown). */
export function closeNewsletter(): void {
  deps?.store.close();
  deps = undefined;
}
