/**
 * POST /api/newsletter and the token links, as plain functions of a Request: read a small body, refuse what is
 * not a signup (method, size, type, origin, rate), validate, store, mail, answer (the answers and the reading of a
 * request are http.ts's). Routes only wire it up. Nothing a client sends comes back unescaped, and nothing it sends
 * yields a 500.
 */
import { randomBytes } from "node:crypto";
import { addressRateKey, checkEmail, EMAIL_MAX_LENGTH, likelyTypo } from "./email.ts";
import { alreadySubscribedMessage, confirmationMessage, smtpErrorSummary, type MailTransport } from "./mail.ts";
import {
  cleanSource,
  PAGES,
  thanksUrl,
  TOKEN_ACTIONS,
  tokenOf,
  subscriberLinks,
  withToken,
  type TokenAction,
} from "./links.ts";
import {
  problemStatus,
  RETRY_AFTER_PARAM,
  isAddressProblem,
  refusalWords,
  SIGNUP_OK,
  TYPO_FIELDS,
  type SignupProblem,
} from "./messages.ts";
import {
  CLIENT_RATE_LIMIT,
  DAILY_RATE_LIMIT,
  HONEYPOT_FIELD,
  MAIL_CLAIM_SECONDS,
  MAIL_EVERY_SECONDS,
  MAILS_PER_DAY,
  RATE_LIMIT,
  RETENTION,
  UNAVAILABLE_RETRY_SECONDS,
} from "./policy.ts";
import {
  allowedForeignOrigin,
  fail,
  isCrossSite,
  json,
  linkMethodNotAllowed,
  methodNotAllowed,
  parseFields,
  readBody,
  seeOther,
  text,
  wantsJson,
  type Fields,
} from "./http.ts";
import type { SignupOutcome, Subscriber, SubscriberStore } from "./store.ts";
import { messageOf } from "../errors.ts";

/** What the handler works with. */
export interface NewsletterDeps {
  store: SubscriberStore;
  mail: MailTransport;
  /** Public origin for links in messages ("https://www.digimedia.fr"). */
  publicUrl: string;
  /** Origins besides the request's own whose pages may post the form. */
  allowedOrigins: readonly string[];
  now: () => Date;
  /** Where each signup, confirmation and unsubscription is told, without the address (the server's log); none by default. */
  log?: ((line: string) => void) | undefined;
}

/** What a signup did, for the log: never the address. */
const SIGNUP_LOG: Record<SignupOutcome, string> = {
  created: "nouvelle adresse",
  "still-pending": "adresse déjà en attente",
  "already-confirmed": "adresse déjà confirmée",
  resubscribed: "réinscription après une désinscription",
};

/** The name of a token action in a French log line. */
const ACTION_LOG: Record<TokenAction, string> = { confirm: "confirmation", unsubscribe: "désinscription" };

/**
 * True when the SMTP server refused the recipient for good: a 5xx reply (nodemailer's responseCode) to RCPT TO
 * (its `command`). A 5xx to anything else (AUTH, MAIL FROM, DATA) is the site's problem, not the address's.
 */
function isRecipientRefused(error: unknown): boolean {
  const { responseCode, command } = (error ?? {}) as { responseCode?: unknown; command?: unknown };
  return typeof responseCode === "number" && responseCode >= 500 && responseCode < 600 && command === "RCPT TO";
}

/**
 * A refused signup, with its status (problemStatus): JSON, or for a form the error page, given the problem, the
 * address typed and Retry-After's seconds in its query (the route answers with the page itself, whose status and
 * Retry-After follow them).
 */
function refuse(request: Request, problem: SignupProblem, fields: Fields, retryAfter?: number): Response {
  const headers: Record<string, string> = retryAfter !== undefined ? { "Retry-After": String(retryAfter) } : {};
  if (wantsJson(request)) {
    const { message, suggestion } = refusalWords(problem, fields["email"], retryAfter);
    // `field`: the form's field at fault, when it is the address (isAddressProblem).
    const field = isAddressProblem(problem) ? "email" : undefined;
    return json(problemStatus(problem).status, { ok: false, error: problem, message, suggestion, field }, headers);
  }
  const query = new URLSearchParams({ raison: problem, depuis: cleanSource(fields["source"]) });
  if (retryAfter !== undefined) query.set(RETRY_AFTER_PARAM, String(retryAfter));
  const typed = fields["email"];
  if (typeof typed === "string") query.set("email", typed.slice(0, EMAIL_MAX_LENGTH));
  return seeOther(`${PAGES.error}?${query.toString()}`);
}

/**
 * The address of a signup, checked (checkEmail), or the refusal to answer: not a text, not an address, or a domain
 * that looks mistyped, unless the reader sent it again as it was after that warning.
 */
function addressOf(request: Request, fields: Fields): { email: string } | { refused: Response } {
  // An address that is not a text (a JSON client's number or object) is not an empty one.
  const typed = fields["email"];
  if (typed !== undefined && typed !== null && typeof typed !== "string")
    return { refused: refuse(request, "requete", fields) };
  const check = checkEmail(typed);
  if (!check.ok) return { refused: refuse(request, check.problem, fields) };
  // Kept as typed after the warning: the same address, however spaced (« garder » holds what the field held).
  const kept = checkEmail(fields[TYPO_FIELDS.kept]);
  if (!(kept.ok && kept.email === check.email) && likelyTypo(check.email) !== undefined)
    return { refused: refuse(request, "faute-de-frappe", fields) };
  return { email: check.email };
}

function succeed(request: Request, fields: Fields): Response {
  return wantsJson(request) ? json(200, { ok: true, message: SIGNUP_OK }) : seeOther(thanksUrl(fields["source"]));
}

/**
 * OPTIONS /api/newsletter: the preflight a browser sends before a JSON POST from an allowed other
 * site; any other OPTIONS gets the usual 405.
 */
export function handlePreflight(request: Request, deps: NewsletterDeps): Response {
  const foreign = allowedForeignOrigin(request, deps.allowedOrigins);
  if (request.method !== "OPTIONS" || foreign === undefined) return methodNotAllowed(request);
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Origin": foreign,
      "Access-Control-Allow-Methods": "POST",
      "Access-Control-Allow-Headers": "Content-Type, Accept",
      "Access-Control-Max-Age": "600",
      Vary: "Origin",
    },
  });
}

/**
 * Handles a signup POST. A page of an allowed other site (a static deployment posting here) may
 * read the answer: CORS headers name its origin.
 */
export async function handleSignup(request: Request, deps: NewsletterDeps, client?: string): Promise<Response> {
  const response = await signup(request, deps, client);
  const foreign = allowedForeignOrigin(request, deps.allowedOrigins);
  if (foreign !== undefined) {
    response.headers.set("Access-Control-Allow-Origin", foreign);
    response.headers.append("Vary", "Origin");
  }
  return response;
}

/** The fields of a signup's body, or the answer that refuses it (format, size, slowness, unreadable body). */
async function readSignup(request: Request): Promise<{ fields: Fields } | { refused: Response }> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "application/x-www-form-urlencoded" && type !== "application/json")
    return { refused: fail(request, 415) };
  const body = await readBody(request);
  if (body.kind === "too-large") return { refused: fail(request, 413) };
  if (body.kind === "timeout") return { refused: fail(request, 408) };
  const fields = body.kind === "ok" ? parseFields(type, body.text) : undefined;
  if (fields === undefined) return { refused: refuse(request, "requete", {}) };
  // « S’inscrire avec jean@gmail.com », offered after a typo's warning: the address it carries is the one sent, when
  // it is the one offered for the address typed (a form sent by hand cannot slip another one in).
  const typed = checkEmail(fields["email"]);
  const corrected = checkEmail(fields[TYPO_FIELDS.corrected]);
  return typed.ok && corrected.ok && likelyTypo(typed.email) === corrected.email
    ? { fields: { ...fields, email: corrected.email } }
    : { fields };
}

/**
 * A signup when the store cannot even be opened (DATA_DIR unwritable…): answered like a store failing during a signup,
 * 503 « indisponible » with Retry-After, so a form gets the error page that keeps the address typed (JSON for a JSON
 * client). What the request itself gets wrong is said first (a wrong address above all). Nothing is kept or sent.
 */
export async function signupUnavailable(request: Request): Promise<Response> {
  if (request.method !== "POST") return methodNotAllowed(request);
  const read = await readSignup(request);
  if ("refused" in read) return read.refused;
  const address = addressOf(request, read.fields);
  if ("refused" in address) return address.refused;
  return refuse(request, "indisponible", read.fields, UNAVAILABLE_RETRY_SECONDS);
}

/** How the sending of a signup's message ended: left, refused for good by the mail server, or failed for now. */
type Delivery = "sent" | "refused" | "failed";

/** The sendings under way, by store and tokens: an identical signup meanwhile answers as the one sending. */
const inFlightByStore = new WeakMap<SubscriberStore, Map<string, Promise<Delivery>>>();
function sendings(store: SubscriberStore): Map<string, Promise<Delivery>> {
  let map = inFlightByStore.get(store);
  if (map === undefined) inFlightByStore.set(store, (map = new Map<string, Promise<Delivery>>()));
  return map;
}

/**
 * Sends the message a signup claimed, then records that it left (mailSent), or gives the claim back (mailFailed): the
 * store never says a message left that did not. Never rejects.
 */
async function deliver(deps: NewsletterDeps, outcome: SignupOutcome, subscriber: Subscriber): Promise<Delivery> {
  const links = subscriberLinks(deps.publicUrl, subscriber);
  // A confirmed reader gets a message too (« votre adresse est déjà inscrite »), sent the same way: the answer
  // is true for everyone, and neither it nor its delay tells who is subscribed.
  const message =
    outcome === "already-confirmed"
      ? alreadySubscribedMessage(subscriber.email, links)
      : confirmationMessage(subscriber.email, links, RETENTION.pendingDays);
  try {
    await deps.mail.send(message);
  } catch (error) {
    try {
      deps.store.mailFailed(subscriber.token);
    } catch (storeError) {
      // The claim then lapses by itself (MAIL_CLAIM_SECONDS).
      console.error(`Newsletter\u00a0: stockage impossible (${messageOf(storeError)})`);
    }
    if (isRecipientRefused(error)) {
      // The relay will never take this address (5xx to RCPT TO: unknown mailbox, no SMTPUTF8 for an accented one…):
      // « try again » would be a lie. The row stays as it was (pending, kept like any unconfirmed signup) and
      // the message stays in the outbox for the operator.
      console.error(`Newsletter\u00a0: adresse refusée par le serveur SMTP (${smtpErrorSummary(error)})`);
      return "refused";
    }
    // Never "an e-mail has been sent" when none was: the row stays as it was (pending, or confirmed), and
    // sending the form again (which the reader is told to do) sends the message again. A 5xx to anything but
    // RCPT TO (a bad password, a refused sender or message) is answered the same: the operator must act.
    console.error(`Newsletter\u00a0: message non envoyé (${smtpErrorSummary(error)})`);
    return "failed";
  }
  try {
    deps.store.mailSent(subscriber.token, deps.now());
  } catch (error) {
    // The message left: the answer says so. Unrecorded, the claim lapses and a new signup sends another.
    console.error(`Newsletter\u00a0: envoi non enregistré (${messageOf(error)})`);
  }
  deps.log?.(`Newsletter\u00a0: inscription (${SIGNUP_LOG[outcome]}), e-mail envoyé.`);
  return "sent";
}

async function signup(request: Request, deps: NewsletterDeps, client: string | undefined): Promise<Response> {
  if (request.method !== "POST") return methodNotAllowed(request);
  if (isCrossSite(request, deps.allowedOrigins)) return fail(request, 403);
  const read = await readSignup(request);
  if ("refused" in read) return read.refused;
  const { fields } = read;

  // A robot filled in the field people cannot see: answer as usual, keep nothing. Empty is blank (a space an
  // autofill may leave), or for a JSON client null or false as well: a person told « envoyé » is signed up.
  const trap = fields[HONEYPOT_FIELD];
  const trapped = typeof trap === "string" ? trap.trim() !== "" : trap !== undefined && trap !== null && trap !== false;
  if (trapped) return succeed(request, fields);

  const address = addressOf(request, fields);
  if ("refused" in address) return address.refused;
  const { email } = address;

  const now = deps.now();
  try {
    const addressKey = addressRateKey(email);
    const dayKey = `jour:${addressKey}`;
    const rate = deps.store.hits(
      [
        { key: addressKey, ...RATE_LIMIT },
        { key: dayKey, ...DAILY_RATE_LIMIT },
        ...(client !== undefined ? [{ key: `client:${client}`, ...CLIENT_RATE_LIMIT }] : []),
      ],
      now,
    );
    if (!rate.allowed) {
      const problem =
        rate.refused === addressKey || rate.refused === dayKey ? "trop-de-demandes" : "trop-d-inscriptions";
      return refuse(request, problem, fields, rate.retryAfter);
    }
    const { outcome, subscriber, mail } = deps.store.signup({
      email,
      source: cleanSource(fields["source"]),
      now,
      newToken: randomBytes(24).toString("base64url"),
      newConfirmToken: randomBytes(24).toString("base64url"),
      mailEverySeconds: MAIL_EVERY_SECONDS,
      mailClaimSeconds: MAIL_CLAIM_SECONDS,
      mailsPerDay: MAILS_PER_DAY,
    });
    // A message went to this address a few minutes ago, with the same links: it is the one the answer speaks of.
    if (mail === "recent") {
      deps.log?.(
        `Newsletter\u00a0: inscription (${SIGNUP_LOG[outcome]}), e-mail déjà envoyé il y a moins de ${String(MAIL_EVERY_SECONDS / 60)}\u00a0minutes.`,
      );
      return succeed(request, fields);
    }
    // Its messages of the day were sent (the latest has the same links): the same answer, for a pending address as
    // for a confirmed one, and nothing more to a mailbox someone keeps typing in.
    if (mail === "daily-cap") {
      deps.log?.(
        `Newsletter\u00a0: inscription (${SIGNUP_LOG[outcome]}), pas d’e-mail\u00a0: ${String(MAILS_PER_DAY)}\u00a0déjà envoyés en 24\u00a0heures.`,
      );
      return succeed(request, fields);
    }
    // An identical request of this process is sending it now: this one answers as that sending ends. A claim no
    // request of this process holds is another process's, or one that died sending (kill -9): nothing is known to
    // have left, so this request sends it (two servers sending one address at once may send it twice, same links).
    // Keyed by both tokens: a sending begun before an unsubscription and a new signup carries the old confirmation link.
    const key = `${subscriber.token} ${subscriber.confirmToken ?? ""}`;
    const current = mail === "sending" ? sendings(deps.store).get(key) : undefined;
    let delivery: Promise<Delivery>;
    if (current !== undefined) {
      delivery = current;
    } else {
      if (mail === "sending")
        deps.log?.(`Newsletter\u00a0: inscription (${SIGNUP_LOG[outcome]}), envoi repris d’un autre processus.`);
      delivery = deliver(deps, outcome, subscriber);
      const inFlight = sendings(deps.store);
      inFlight.set(key, delivery);
      void delivery.finally(() => inFlight.delete(key));
    }
    const result = await delivery;
    if (result === "refused") return refuse(request, "adresse-refusee", fields);
    if (result === "failed") return refuse(request, "indisponible", fields, UNAVAILABLE_RETRY_SECONDS);
    if (current !== undefined)
      deps.log?.(`Newsletter\u00a0: inscription (${SIGNUP_LOG[outcome]}), e-mail envoyé pour une demande identique.`);
  } catch (error) {
    console.error(`Newsletter\u00a0: stockage impossible (${messageOf(error)})`);
    return refuse(request, "indisponible", fields, UNAVAILABLE_RETRY_SECONDS);
  }
  return succeed(request, fields);
}

/**
 * GET /api/newsletter/confirm?token=… and /unsubscribe?token=… (links of messages already sent):
 * they do nothing but lead to the page that asks for the click, since mail scanners and link
 * previews open links (and send HEAD) on their own, which would confirm a signup nobody made or
 * unsubscribe a reader.
 */
export function tokenLinkPage(request: Request, action: TokenAction): Response {
  const token = tokenOf(new URL(request.url));
  return seeOther(token !== undefined ? withToken(TOKEN_ACTIONS[action].page, token) : PAGES.invalidLink);
}

/**
 * True for the body of a mail client's one-click unsubscribe (RFC 8058): the field
 * List-Unsubscribe=One-Click, form-encoded or, as the RFC prefers, multipart/form-data.
 */
async function isOneClick(request: Request): Promise<boolean> {
  const body = await readBody(request);
  if (body.kind !== "ok") return false;
  return (
    new URLSearchParams(body.text).get("List-Unsubscribe") === "One-Click" ||
    /name="?List-Unsubscribe"?\r?\n(?:[^\r\n]+\r?\n)*\r?\nOne-Click\r?\n/.test(body.text)
  );
}

/**
 * What a mail client's one-click unsubscribe reads for a token that matches no row (erased: never confirmed, or on
 * request). Not « expiré »: a subscriber's links never expire.
 */
export const ONE_CLICK_UNKNOWN = "Ce lien de désinscription ne correspond à aucune inscription.";

/** What a mail client's one-click unsubscribe reads when it cannot be recorded: plain text, like its other answers. */
export const ONE_CLICK_UNAVAILABLE =
  "La désinscription est momentanément indisponible. Réessayez dans quelques minutes.";

/**
 * The answer when a confirmation or an unsubscription cannot be recorded (store unavailable): a mail client's
 * one-click gets a plain-text 503; a reader's button gets the page that says what failed, with the button to try
 * again (a 303 to it, which the route answers with the page itself). `oneClick` is read from the body when the
 * caller has not read it.
 */
export async function tokenLinkUnavailable(
  request: Request,
  action: TokenAction,
  oneClick?: boolean,
): Promise<Response> {
  const isOneClickPost = oneClick ?? (action === "unsubscribe" && (await isOneClick(request)));
  if (isOneClickPost) return text(503, ONE_CLICK_UNAVAILABLE, { "Retry-After": String(UNAVAILABLE_RETRY_SECONDS) });
  const query = new URLSearchParams({ action });
  const token = tokenOf(new URL(request.url));
  if (token !== undefined) query.set("token", token);
  return seeOther(`${PAGES.linkUnavailable}?${query.toString()}`);
}

/**
 * POST /api/newsletter/confirm?token=… and /unsubscribe?token=…: the button of the page, or a mail
 * client's one-click unsubscribe (RFC 8058), which gets a 200 and no redirect.
 */
export async function handleTokenLink(request: Request, deps: NewsletterDeps, action: TokenAction): Promise<Response> {
  if (request.method !== "POST") return linkMethodNotAllowed(request);
  const oneClick = action === "unsubscribe" && (await isOneClick(request));
  const token = tokenOf(new URL(request.url));
  const invalid = (): Response => (oneClick ? text(404, ONE_CLICK_UNKNOWN) : seeOther(PAGES.invalidLink));
  if (token === undefined) return invalid();
  try {
    // The message says its link works RETENTION.pendingDays: past them it does not, even before the hourly purge
    // erases the signup (not run here: a click, or anyone's POST, would pay for a scan of the whole table).
    const now = deps.now();
    const done =
      action === "confirm"
        ? deps.store.confirm(token, now, new Date(now.getTime() - RETENTION.pendingDays * 86_400_000))
        : deps.store.unsubscribe(token, now);
    if (!done) return invalid();
  } catch (error) {
    console.error(`Newsletter\u00a0: ${ACTION_LOG[action]} impossible (${messageOf(error)})`);
    return tokenLinkUnavailable(request, action, oneClick);
  }
  deps.log?.(
    `Newsletter\u00a0: ${ACTION_LOG[action]} enregistrée${oneClick ? " (désinscription en un clic d’une messagerie)" : ""}.`,
  );
  return oneClick ? text(200, "Désinscription enregistrée.") : seeOther(TOKEN_ACTIONS[action].done);
}
