/**
 * The newsletter's runtime wiring, read from the environment when the server first needs it:
 * DATA_DIR (default ./data) holds subscribers.db and outbox/; SMTP_URL switches to SMTP.
 */
import { join, resolve } from "node:path";
import { SITE } from "../../config.ts";
import type { NewsletterDeps } from "./handler.ts";
import { unavailable } from "./http.ts";
import { outboxTransport, smtpTransport } from "./mail.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import { commaList } from "../comma-list.ts";
import { messageOf } from "../errors.ts";

// One instance per process, shared through a global: the Astro bundle and the server entry
// (server/main.ts) each load their own copy of this module but must use the same database.
const KEY = Symbol.for("digimedia.newsletter");
const FAILED = Symbol.for("digimedia.newsletter.failed");
const shared = globalThis as unknown as Record<symbol, NewsletterDeps | undefined>;
const failures = globalThis as unknown as Record<symbol, { at: number; error: unknown } | undefined>;

/**
 * How long a database that failed to open is not tried again: the requests (and /healthz probes) meanwhile get
 * the same error at once, instead of each opening the file anew.
 */
export const REOPEN_AFTER_MS = 5_000;

/** Where the data lives: $DATA_DIR or ./data. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env["DATA_DIR"] ?? "data");
}

/** The public origin for links in messages and exports: $PUBLIC_URL, or the site's (`siteUrl`). */
export function publicUrl(env: NodeJS.ProcessEnv = process.env, siteUrl = SITE.url): string {
  return (env["PUBLIC_URL"] ?? siteUrl).replace(/\/$/, "");
}

/** The SMTP server's URL ($SMTP_URL), or undefined when messages only go to the outbox. */
function smtpUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = env["SMTP_URL"];
  return url !== undefined && url !== "" ? url : undefined;
}

/** The folder where messages are written without SMTP_URL (and kept when SMTP refuses them). */
export function outboxDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), "outbox");
}

/** The warning the server prints at startup when no message leaves, or undefined when SMTP_URL is set. */
export function noSmtpWarning(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (smtpUrl(env) !== undefined) return undefined;
  return (
    `Attention\u00a0: SMTP_URL n’est pas défini, aucun e-mail ne part. Les messages de la newsletter sont écrits dans ` +
    `${outboxDir(env)} au lieu d’être envoyés, alors que les lecteurs lisent qu’un e-mail vient de leur être ` +
    `envoyé. En production, donnez SMTP_URL (smtp://utilisateur:motdepasse@hote:587).`
  );
}

/**
 * An ALLOWED_ORIGINS entry as a browser's Origin header writes it: « HTTPS://Statique.digimedia.fr/ » is
 * « https://statique.digimedia.fr », which it would otherwise never match; an entry that is no address stays as written.
 */
function originOf(entry: string): string {
  try {
    return new URL(entry).origin;
  } catch {
    return entry;
  }
}

/**
 * The store, mail transport and settings of this process, opened once. When the database cannot be opened, it
 * throws, and again with the same error, without trying, until REOPEN_AFTER_MS have passed since (`now`, ms).
 */
export function newsletter(env: NodeJS.ProcessEnv = process.env, now = Date.now()): NewsletterDeps {
  const existing = shared[KEY];
  if (existing !== undefined) return existing;
  const failure = failures[FAILED];
  if (failure !== undefined && now - failure.at < REOPEN_AFTER_MS) throw failure.error;
  const dir = dataDir(env);
  const from = env["MAIL_FROM"] ?? `${SITE.name} <newsletter@${SITE.publisher.email.replace(/^.*@/u, "")}>`;
  const outbox = outboxTransport(outboxDir(env), from);
  const smtp = smtpUrl(env);
  let store: NewsletterDeps["store"];
  try {
    store = openSqliteStore(join(dir, "subscribers.db"));
  } catch (error) {
    failures[FAILED] = { at: now, error };
    throw error;
  }
  failures[FAILED] = undefined;
  const deps: NewsletterDeps = {
    store,
    mail: smtp !== undefined ? smtpTransport(smtp, from, outbox) : outbox,
    publicUrl: publicUrl(env),
    allowedOrigins: [new URL(SITE.url).origin, ...commaList(env["ALLOWED_ORIGINS"]).map(originOf)],
    now: () => new Date(),
    log: (line) => {
      console.log(line);
    },
  };
  shared[KEY] = deps;
  return deps;
}

/** Closes the store (on shutdown). */
export function closeNewsletter(): void {
  shared[KEY]?.store.close();
  shared[KEY] = undefined;
  failures[FAILED] = undefined;
}

/**
 * Runs a route with the newsletter's dependencies, or answers 503 when they cannot be opened: the signup's
 * answer by default, `onUnavailable`'s when given (the confirmation and unsubscription routes).
 */
export async function withNewsletter(
  request: Request,
  route: (deps: NewsletterDeps) => Response | Promise<Response>,
  onUnavailable: () => Response | Promise<Response> = () => unavailable(request),
): Promise<Response> {
  let deps: NewsletterDeps;
  try {
    deps = newsletter();
  } catch (error) {
    console.error(`Newsletter\u00a0: données inaccessibles (${messageOf(error)})`);
    return onUnavailable();
  }
  return route(deps);
}
