/**
 * Validation of the address typed into the newsletter box. Deliberately strict where an
 * address could smuggle something (spaces, control characters, quotes, several @) and lenient
 * where real people differ (accents, internationalised domains, "+" tags).
 */

import { domainToASCII, domainToUnicode } from "node:url";
import { editDistance } from "../edit-distance.ts";

/** The longest address (RFC 5321's path, less its brackets): the field's maxlength, and what a refusal shows again. */
export const EMAIL_MAX_LENGTH = 254;

/** Why an address was refused, with the French sentence shown to the reader. */
export type EmailProblem =
  | "vide"
  | "trop-longue"
  | "espace"
  | "caracteres"
  | "arobase-manquante"
  | "arobase"
  | "local-trop-long"
  | "local"
  | "domaine";

export const EMAIL_MESSAGES: Record<EmailProblem, string> = {
  vide: "Indiquez votre adresse e-mail.",
  "trop-longue": `Cette adresse est trop longue (${String(EMAIL_MAX_LENGTH)}\u00a0caractères au plus).`,
  espace: "Une adresse e-mail ne contient pas d’espace\u00a0: vérifiez celle-ci (par exemple prenom.nom@exemple.fr).",
  caracteres: "Cette adresse contient des caractères interdits (guillemets, virgule, chevrons…).",
  // No « @ » at all: say what is missing rather than the rule (several « @ » get the rule: "arobase").
  "arobase-manquante": "Il manque le «\u202f@\u202f»\u00a0: par exemple prenom@exemple.fr.",
  arobase: "Une adresse e-mail contient un seul «\u202f@\u202f», par exemple prenom@exemple.fr.",
  "local-trop-long": "La partie avant le «\u202f@\u202f» est trop longue (64\u00a0caractères au plus).",
  local: "La partie avant le «\u202f@\u202f» n’est pas valide.",
  // The example is what to write, never read as the invalid part (« jean@exemple » lacks its « .fr »).
  domaine: "Après le «\u202f@\u202f», il faut un domaine complet, par exemple «\u202fexemple.fr\u202f».",
};

/** Result of validating an address. */
export type EmailCheck = { ok: true; email: string } | { ok: false; problem: EmailProblem; message: string };

// Letters of any script, digits and the RFC 5322 "atext" symbols; dots between them.
const localPart = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const domainLabel = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;
const forbidden = /[\p{Cc}\p{Cf}"<>(),;:\\[\]]/u;
/** Any space: « jean dupont@exemple.fr » cannot be mended (jeandupont? jean.dupont?), it is asked again. */
const space = /[\s\p{Z}]/u;
/**
 * Characters no one sees, which a copy from a web page or a message brings along: zero-width spaces and joiners,
 * direction marks and isolates (Outlook, WhatsApp), the word joiner, a byte-order mark, a soft hyphen. They are
 * dropped; a direction override (U+202A to U+202E, which shows an address other than it is) stays forbidden.
 */
const invisible = /[\u00ad\u200b-\u200f\u2060\u2066-\u2069\ufeff]/gu;
/** Spaces around « @ » or a dot, as a phone's keyboard adds them after a word (« jean @gmail.com », « jean. dupont »). */
const spacedSeparator = /[\p{Zs}\t]*([@.])[\p{Zs}\t]*/gu;

const fail = (problem: EmailProblem): EmailCheck => ({ ok: false, problem, message: EMAIL_MESSAGES[problem] });

/**
 * Trims, checks and normalises an address (invisible characters dropped, spaces around « @ » and dots too): the
 * local part kept as typed, the domain lower-cased
 * and written one way whether it came in Unicode or punycode ("xn--socit-esab.fr" → "société.fr").
 */
export function checkEmail(input: unknown): EmailCheck {
  if (typeof input !== "string") return fail("vide");
  // A dot at the end is the sentence's (« écrivez à jean@gmail.com. »), or the domain's root: the same domain.
  const email = input
    .replace(invisible, "")
    .replace(spacedSeparator, "$1")
    .trim()
    .replace(/\.+$/u, "")
    .normalize("NFC");
  if (email === "") return fail("vide");
  if (email.length > EMAIL_MAX_LENGTH) return fail("trop-longue");
  if (forbidden.test(email)) return fail("caracteres");
  if (space.test(email)) return fail("espace");
  const parts = email.split("@");
  if (parts.length === 1) return fail("arobase-manquante");
  if (parts.length !== 2) return fail("arobase");
  const [local = "", domain = ""] = parts;
  if (local.length > 64) return fail("local-trop-long");
  if (local.length === 0 || !localPart.test(local)) return fail("local");
  const labels = domain.toLowerCase().split(".");
  if (labels.length < 2 || !labels.every((l) => domainLabel.test(l)) || /^\d+$/.test(labels.at(-1) ?? "")) {
    return fail("domaine");
  }
  const ascii = domainToASCII(labels.join("."));
  // DNS's limits hold for the domain as mail servers write it, in punycode: « é » × 63 is 69 characters there.
  if (ascii === "" || ascii.length > 253 || ascii.split(".").some((l) => l.length > 63)) return fail("domaine");
  if (`${local}@${ascii}`.length > EMAIL_MAX_LENGTH) return fail("trop-longue");
  return { ok: true, email: `${local}@${domainToUnicode(ascii)}` };
}

/**
 * The key that makes one mailbox one subscriber: the address lower-cased in full Unicode ("Élise@exemple.fr" and
 * "élise@exemple.fr" are one person in practice; SQLite's NOCASE folds ASCII only).
 */
export function emailKey(email: string): string {
  return email.normalize("NFC").toLowerCase();
}

/** Domains whose mailboxes ignore the dots of their local part (« jean.dupont » is « jeandupont »). */
const DOTLESS_DOMAINS = new Set(["gmail.com", "googlemail.com"]);

/**
 * The key of a mailbox's signups in the rate limits (the handler counts them, erasing an address forgets them): the
 * address without its « +tag » (« jean+1@ », « jean+2@ »… reach jean's mailbox, and would each get their own
 * limit), and without the dots of a Gmail address. Only the limits read it: each address keeps its own row.
 */
export function addressRateKey(email: string): string {
  const key = emailKey(email);
  const at = key.lastIndexOf("@");
  const domain = key.slice(at + 1);
  const [base = "", tag] = key.slice(0, at).split(/\+(.*)/s);
  const local = tag === undefined || base === "" ? key.slice(0, at) : base;
  return DOTLESS_DOMAINS.has(domain) ? `email:${local.replaceAll(".", "")}@gmail.com` : `email:${local}@${domain}`;
}

/**
 * The mail domains most French readers use. A domain a keystroke or two away from one of them (« gmial.com »,
 * « hotmial.fr », « orange.fe ») is a typo far more often than a real domain, and a signup sent there is lost: the
 * confirmation never reaches the reader, who is never told. Short ones (« sfr.fr », « me.com ») are left out: too
 * many real domains sit one letter away.
 */
const COMMON_DOMAINS = [
  "gmail.com",
  "hotmail.fr",
  "hotmail.com",
  "outlook.fr",
  "outlook.com",
  "yahoo.fr",
  "yahoo.com",
  "orange.fr",
  "wanadoo.fr",
  "free.fr",
  "laposte.net",
  "icloud.com",
  "protonmail.com",
];
/** Real mail domains a keystroke from a common one (« ymail.com » is Yahoo's, « mail.com » a provider): never questioned. */
const REAL_NEIGHBOURS = new Set([
  "ymail.com",
  "mail.com",
  "email.com",
  "gmx.com",
  "gmx.fr",
  "cloud.com",
  "live.fr",
  "live.com",
  "msn.com",
  "me.com",
  "mac.com",
  "aol.com",
  "aol.fr",
  "sfr.fr",
  "neuf.fr",
  "bbox.fr",
  "laposte.fr",
  "orange.com",
  "proton.me",
  "pm.me",
]);
/**
 * Endings of real use: a common provider's name with one of them (« hotmail.be », « yahoo.gr ») is its service in
 * another country, not a typo; with another (« orange.fe », « gmail.con ») or one cut short (« hotmail.co »), it is.
 */
const REAL_ENDINGS = new Set(
  "fr com net org be ch ca lu mc de es it pt nl uk ie gr fi se no dk pl cz at eu ma tn dz sn ci cm re us jp br mx ar info io me".split(
    " ",
  ),
);
/** Providers with one domain only: « gmail.fr », « gmial.fr » or « icoud.co » is that domain mistyped. */
const ONLY_DOMAIN: Record<string, string> = { gmail: "gmail.com", icloud: "icloud.com" };

/**
 * Keystrokes from `a` to `b`: letters inserted, deleted, or two neighbours swapped (« gmial », « gmail »), and replaced
 * when `replacing` (a short name one replaced letter away is as often another real name: « fred », « free »: a
 * replacement then counts as a deletion and an insertion).
 */
const typingDistance = (a: string, b: string, replacing: boolean): number =>
  editDistance(a, b, { swap: true, replace: replacing ? 1 : 2 });

/** « hotmail.fr » → name « hotmail », ending « fr ». */
function split(domain: string): { name: string; ending: string } {
  const dot = domain.lastIndexOf(".");
  return { name: domain.slice(0, dot), ending: domain.slice(dot + 1) };
}

/**
 * The address the reader most likely meant, when its domain is a near miss of a common one (checked by checkEmail
 * first): « jean@gmial.com » → « jean@gmail.com »; undefined for a common domain, a real neighbour of one, or any
 * other. The name one edit away (two for a name of seven letters or more, where a letter replaced counts too) with
 * the same ending; or the same name with an ending no country uses, or cut short.
 */
export function likelyTypo(email: string): string | undefined {
  const at = email.lastIndexOf("@");
  const local = email.slice(0, at);
  const domain = domainToASCII(email.slice(at + 1)).toLowerCase();
  if (at < 1 || domain === "" || COMMON_DOMAINS.includes(domain) || REAL_NEIGHBOURS.has(domain)) return undefined;
  const typed = split(domain);
  // « gmail.fr », and « gmial.fr », « gmai.fr »: a one-domain provider's name, or one edit from it, with any ending.
  if (!typed.name.includes(".")) {
    for (const [name, only] of Object.entries(ONLY_DOMAIN)) {
      if (typed.name === name || typingDistance(typed.name, name, false) <= 1) return `${local}@${only}`;
    }
  }
  let meant: string | undefined;
  let closest = Infinity;
  for (const common of COMMON_DOMAINS) {
    const { name, ending } = split(common);
    let distance = Infinity;
    if (typed.name === name) {
      // An ending cut short (« hotmail.co ») names its domain before any other.
      if (ending.startsWith(typed.ending)) distance = 0.5;
      else if (!REAL_ENDINGS.has(typed.ending)) distance = 1;
    } else if (typed.ending === ending) {
      const long = name.length >= 7;
      const edits = typingDistance(typed.name, name, long);
      if (edits <= (long ? 2 : 1)) distance = edits;
    }
    if (distance < closest) {
      meant = common;
      closest = distance;
    }
  }
  return meant === undefined ? undefined : `${local}@${meant}`;
}
