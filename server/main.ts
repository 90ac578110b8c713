/**
 * The production server (`npm start`, `npm run serve`): the static site and the newsletter
 * routes of dist/, with security headers on every answer, compression, /healthz, and a clean
 * stop on SIGTERM or SIGINT (no new connections, requests in flight finished, database closed).
 */
// First: it puts the build's settings in the environment before the modules below read them.
import { built, dist } from "./built-site.ts";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { closeNewsletter, newsletter, noSmtpWarning } from "../src/lib/newsletter/runtime.ts";
import { trustedProxiesWarning } from "../src/lib/newsletter/client.ts";
import { PURGE_EVERY_MS, purgeExpired, RETENTION } from "../src/lib/newsletter/policy.ts";
import { frenchCount } from "../src/lib/french-numbers.ts";
import { securityHeaders } from "./headers.ts";
import { servedPolicy, servedPolicyWarning } from "./site-settings.ts";
import { badPortMessage, listenErrorMessage, listenPort } from "./listen.ts";
import { completeOnDemand } from "./on-demand.ts";
import { createStaticHandler } from "./static.ts";
import { messageOf } from "../src/lib/errors.ts";
import { agree } from "../src/lib/french-grammar.ts";

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

const host = process.env["HOST"] ?? "localhost";
const port = listenPort(process.env["PORT"]);
if (port === undefined) {
  console.error(badPortMessage(process.env["PORT"] ?? ""));
  process.exit(1);
}
const STOP_GRACE_MS = 10_000;

// Astro's standalone entry must not open its own server: this one wraps its handler.
process.env["ASTRO_NODE_AUTOSTART"] = "disabled";
process.env["ASTRO_NODE_LOGGING"] = "disabled";
const { handler: astro } = (await import(pathToFileURL(join(dist, "server/entry.mjs")).href)) as {
  handler: NodeHandler;
};
const serveStatic = createStaticHandler(join(dist, "client"));
const headers = securityHeaders(servedPolicy(built));
const policyWarning = servedPolicyWarning(built);
if (policyWarning !== undefined) console.warn(policyWarning);
let stopping = false;

/** What keeps signups from working, or undefined when they work: the database, or the outbox without SMTP. */
function unhealthy(): string | undefined {
  try {
    const { store, mail } = newsletter();
    if (!store.writable()) return "base de données indisponible";
    // Without SMTP, every confirmation is a file of the outbox: an outbox that cannot be written fails every signup.
    if (mail.writable?.() === false) return "boîte d’envoi (outbox) impossible à écrire";
  } catch {
    return "base de données indisponible";
  }
  return undefined;
}

/** A plain-text answer of this server's own (health, an unreadable address, a method refused), one line. */
function plainText(res: ServerResponse, status: number, line: string, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(`${line}\n`);
}

function health(res: ServerResponse): void {
  const problem = unhealthy();
  plainText(res, problem === undefined ? 200 : 503, problem ?? "ok", { "Cache-Control": "no-store" });
}

/** Whether an address's percent-encoding is valid UTF-8. */
function decodable(address: string | undefined): boolean {
  try {
    decodeURI(address ?? "/");
    return true;
  } catch {
    return false;
  }
}

/** 400, in French: `part` of the address is no valid percent-encoding. */
function unreadableAddress(res: ServerResponse, part: string): void {
  plainText(
    res,
    400,
    `Adresse illisible\u00a0: ${part} n’est pas un texte UTF-8 encodé valide (un «\u202f%\u202f» suivi de deux chiffres hexadécimaux). Si elle vient d’un lien reçu par e-mail, copiez-le en entier dans la barre d’adresse.`,
  );
}

/**
 * Methods a WHATWG Request cannot carry: Astro's handler, building one, would answer an English 500 with a stack trace in
 * the log. CONNECT never gets here (Node gives it to a « connect » listener; without one, it closes the connection), nor
 * TRACK (Node's parser answers its own 400).
 */
const UNSUPPORTED_METHODS = new Set(["TRACE"]);

function unsupportedMethod(res: ServerResponse): void {
  plainText(
    res,
    405,
    "Méthode non prise en charge\u00a0: ce site se lit (GET, HEAD) et reçoit le formulaire de la newsletter (POST).",
    { Allow: "GET, HEAD, POST" },
  );
}

// Node checks its timeouts below every connectionsCheckingInterval (30 s by default): a client sending its headers
// slowly was cut off after ~32 s, not 15.
const server = createServer({ connectionsCheckingInterval: 2_000 }, (req, res) => {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (stopping) res.setHeader("Connection", "close");
  if (UNSUPPORTED_METHODS.has(req.method ?? "")) {
    unsupportedMethod(res);
    return;
  }
  const path = (req.url ?? "/").split("?")[0];
  if (path === "/healthz") {
    health(res);
    return;
  }
  // A path that cannot be decoded ("%ZZ", "%E9"): Astro's handler would answer it in English. The query
  // is the page's business ("?q=100%" reaches the search page), but for the newsletter's pages Astro renders on
  // demand (a link damaged by a mail program: "?token=abc%ZZ"), which it would refuse in English too; another
  // address goes to the 404 page without it ("/articles/inexistant/?utm=%").
  if (!decodable(path)) {
    unreadableAddress(res, "son chemin");
    return;
  }
  serveStatic(req, res)
    .then((served) => {
      if (served) return;
      if (!decodable(req.url ?? "/")) {
        // Only the newsletter's routes read their query; the 404 of another address does not need it.
        if (path?.startsWith("/api/") === true || path?.startsWith("/newsletter/") === true) {
          unreadableAddress(res, "sa partie après «\u202f?\u202f»");
          return;
        }
        req.url = path;
      }
      completeOnDemand(res);
      astro(req, res);
    })
    .catch((error: unknown) => {
      console.error(`Erreur en servant ${req.url ?? ""}\u00a0: ${messageOf(error)}`);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end("Erreur du serveur\n");
      } else res.destroy();
    });
});
/**
 * What Node answers by itself, before any handler (a malformed request, an unknown method, headers too long, a request
 * too slow): in French, with the security headers of every answer, instead of its bare English status line.
 */
const CLIENT_ERRORS: Record<400 | 408 | 431, { reason: string; message: string }> = {
  400: {
    reason: "Bad Request",
    message: "Requête illisible\u00a0: le navigateur ou le programme a envoyé une requête HTTP mal formée.",
  },
  408: { reason: "Request Timeout", message: "La requête a mis trop de temps à arriver. Réessayez." },
  431: {
    reason: "Request Header Fields Too Large",
    message: "Requête trop longue\u00a0: ses en-têtes (cookies, adresse) dépassent ce que le serveur accepte.",
  },
};
server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
  const { reason, message } = CLIENT_ERRORS[status];
  const body = Buffer.from(`${message}\n`);
  const lines = [
    `HTTP/1.1 ${String(status)} ${reason}`,
    "Content-Type: text/plain; charset=utf-8",
    `Content-Length: ${String(body.length)}`,
    "Cache-Control: no-store",
    "Connection: close",
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.end(Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`), body]));
});

// A client that never finishes its headers or body is cut off.
server.requestTimeout = 30_000;
server.headersTimeout = 15_000;

function stop(signal: string): void {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} reçu\u00a0: arrêt propre (les requêtes en cours se terminent).`);
  server.close(() => {
    closeNewsletter();
    console.log("Serveur arrêté.");
    process.exit(0);
  });
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
  }, STOP_GRACE_MS).unref();
}
process.on("SIGTERM", () => {
  stop("SIGTERM");
});
process.on("SIGINT", () => {
  stop("SIGINT");
});

for (const warning of [noSmtpWarning(), trustedProxiesWarning()]) if (warning !== undefined) console.warn(warning);

/**
 * Retention, at startup and every hour: unconfirmed signups and outbox messages erased after
 * RETENTION.pendingDays, old counters dropped.
 */
function purge(): void {
  try {
    const { store, mail } = newsletter();
    const { pending, messages } = purgeExpired(store, mail, new Date());
    if (pending > 0)
      console.log(
        `Newsletter\u00a0: ${frenchCount(pending, "inscription non confirmée", "inscriptions non confirmées")} depuis ${RETENTION.pendingDays} jours ${agree(pending, "effacée")}.`,
      );
    if (messages > 0)
      console.log(
        `Newsletter\u00a0: ${frenchCount(messages, "message", "messages")} de la boîte d’envoi ${agree(messages, "gardé")} depuis ${RETENTION.pendingDays} jours ${agree(messages, "effacé")}.`,
      );
  } catch (error) {
    console.error(`Newsletter\u00a0: purge impossible (${messageOf(error)})`);
  }
}
purge();
setInterval(purge, PURGE_EVERY_MS).unref();

// A port already taken, a HOST of another machine: one French line and a failed exit, not a stack trace.
server.on("error", (error: NodeJS.ErrnoException) => {
  console.error(listenErrorMessage(error, host, port));
  closeNewsletter();
  process.exit(1);
});
server.listen(port, host, () => {
  console.log(`Digimedia\u00a0: http://${host.includes(":") ? `[${host}]` : host}:${port}/`);
});
