/** What the newsletter says to readers, in French, by situation. */
import { checkEmail, EMAIL_MESSAGES, likelyTypo, type EmailProblem } from "./email.ts";
import { MAIL_EVERY_SECONDS, MAILS_PER_DAY, MAX_BODY_BYTES } from "./policy.ts";
import { articleSlugIn, newsletterUrl } from "../urls.ts";

/**
 * True whatever happened: a new message, one sent less than MAIL_EVERY_SECONDS ago (none is sent again
 * meanwhile), or « déjà inscrite » to a subscriber, sent like a confirmation so that nobody learns who is
 * subscribed. « vient de vous être envoyé » was false for a reader trying again after a few minutes. « Dans 10 minutes »
 * counts from now: never too early, however recent the last message. No « Merci » (nothing is confirmed yet) and
 * « confirmer », the word of the e-mail and its button. A subscriber already confirmed gets « déjà inscrite », with no
 * link to confirm: the sentence says what to do with either, without telling which one went.
 */
export const SIGNUP_OK = `Un e-mail de confirmation vous a été envoyé\u00a0: cliquez sur le lien qu’il contient pour confirmer votre inscription (s’il dit qu’elle l’est déjà, vous n’avez rien à faire). Rien reçu\u202f? Regardez dans les courriers indésirables, ou demandez un nouvel e-mail dans ${String(MAIL_EVERY_SECONDS / 60)}\u00a0minutes (${String(MAILS_PER_DAY)}\u00a0par jour au plus).`;

/** The heading of a signup accepted and waiting for its confirmation: /newsletter/merci/, and /newsletter/erreur/ once sent again. */
export const SIGNUP_PENDING_TITLE = "Confirmez votre inscription par e-mail";

const UNAVAILABLE = "L’inscription est momentanément indisponible. Réessayez dans quelques minutes.";

/**
 * « Réessayez dans … » for a limit's Retry-After, in French: the minutes it will take (rounded up, never too early),
 * about an hour or hours past 55 minutes; without it, the limits' window (an hour) is the longest wait.
 */
export function retryIn(seconds?: number): string {
  if (seconds === undefined) return "Réessayez dans une heure au plus.";
  const minutes = Math.ceil(seconds / 60);
  if (minutes <= 1) return "Réessayez dans une minute.";
  if (minutes < 55) return `Réessayez dans ${String(minutes)}\u00a0minutes.`;
  const hours = Math.max(1, Math.round(seconds / 3600));
  return hours === 1 ? "Réessayez dans une heure environ." : `Réessayez dans ${String(hours)}\u00a0heures environ.`;
}

/** What a rate limit says happened, before retryIn says how long to wait. */
const LIMITED = {
  // An hour's or a day's: how long to wait says which.
  "trop-de-demandes": "Cette adresse e-mail a fait l’objet de trop de demandes.",
  "trop-d-inscriptions": "Trop d’inscriptions ont été demandées depuis votre connexion en une heure.",
} as const;

/** Reasons a signup can be turned back, as they travel in the error page's URL. */
export type SignupProblem =
  | EmailProblem
  | "faute-de-frappe"
  | "adresse-refusee"
  | "trop-de-demandes"
  | "trop-d-inscriptions"
  | "requete"
  | "indisponible";

export const PROBLEM_MESSAGES: Record<SignupProblem, string> = {
  ...EMAIL_MESSAGES,
  // Said with the address meant when it is known (typoMessage).
  "faute-de-frappe":
    "Cette adresse ressemble à une faute de frappe\u00a0: vérifiez-la, puis cliquez de nouveau sur «\u202fS’inscrire\u202f».",
  "adresse-refusee":
    "Le serveur de messagerie a refusé cette adresse\u00a0: aucun e-mail n’a pu lui être envoyé. Vérifiez-la, ou essayez une autre adresse.",
  "trop-de-demandes": `${LIMITED["trop-de-demandes"]} ${retryIn()}`,
  "trop-d-inscriptions": `${LIMITED["trop-d-inscriptions"]} ${retryIn()}`,
  requete:
    "Le formulaire reçu était illisible. Vérifiez votre adresse, puis cliquez de nouveau sur «\u202fS’inscrire\u202f».",
  indisponible: UNAVAILABLE,
};

/** A refusal's sentence; a rate limit's says how long to wait, from its Retry-After (seconds) when it is known. */
export function problemMessage(problem: SignupProblem, retryAfter?: number): string {
  return problem === "trop-de-demandes" || problem === "trop-d-inscriptions"
    ? `${LIMITED[problem]} ${retryIn(retryAfter)}`
    : PROBLEM_MESSAGES[problem];
}

/**
 * Whether a refusal is the address's fault (not valid, looks mistyped, refused by the mail server): the field is then
 * marked invalid (aria-invalid), and not after a limit, an outage or a network failure, whose address is fine.
 */
export function isAddressProblem(problem: SignupProblem): boolean {
  return Object.hasOwn(EMAIL_MESSAGES, problem) || problem === "faute-de-frappe" || problem === "adresse-refusee";
}

/**
 * A domain that looks mistyped (likelyTypo, email.ts): the address meant, and how to keep the one typed. The reader
 * chooses: « S’inscrire avec … » (TYPO_FIELDS.corrected) or « S’inscrire » again (TYPO_FIELDS.kept).
 */
export function typoMessage(typed: string, meant: string): string {
  const domain = typed.slice(typed.lastIndexOf("@") + 1);
  return `Vouliez-vous dire ${meant}\u202f? Si «\u202f${domain}\u202f» est juste, cliquez de nouveau sur «\u202fS’inscrire\u202f».`;
}

/**
 * A refusal's sentence and, for a domain that looks mistyped, the address meant (`suggestion`, which the box offers
 * as a button): one reading for the JSON answer and the error page.
 */
export function refusalWords(
  problem: SignupProblem,
  typed: unknown,
  retryAfter?: number,
): { message: string; suggestion?: string } {
  const check = problem === "faute-de-frappe" ? checkEmail(typed) : undefined;
  const meant = check?.ok === true ? likelyTypo(check.email) : undefined;
  return meant === undefined || check?.ok !== true
    ? { message: problemMessage(problem, retryAfter) }
    : { message: typoMessage(check.email, meant), suggestion: meant };
}

/**
 * The signup form's fields after a typo's warning: the address the reader chose to keep as typed (sent again, it is
 * not questioned twice), and the button's address meant, which replaces the field's.
 */
export const TYPO_FIELDS = { kept: "garder", corrected: "corrige" } as const;

/** The HTTP status of a refusal and its status line's words: one table for the JSON answer and the error page. */
export interface ProblemStatus {
  status: 400 | 429 | 503;
  statusText: string;
}
const BAD_REQUEST: ProblemStatus = { status: 400, statusText: "Bad Request" };
const TOO_MANY: ProblemStatus = { status: 429, statusText: "Too Many Requests" };
/** Every other problem (the address's own, an unreadable form, a refused address) is a 400. */
const PROBLEM_STATUS: Partial<Record<SignupProblem, ProblemStatus>> = {
  "trop-de-demandes": TOO_MANY,
  "trop-d-inscriptions": TOO_MANY,
  indisponible: { status: 503, statusText: "Service Unavailable" },
};
export const problemStatus = (problem: SignupProblem): ProblemStatus => PROBLEM_STATUS[problem] ?? BAD_REQUEST;

/** The error page's query parameter that carries a refusal's Retry-After (seconds), from the handler to the page. */
export const RETRY_AFTER_PARAM = "attente";

/** Retry-After's seconds as the error page's query gives them, or undefined when it gives no such number. */
export function retryAfterOf(value: string | null): number | undefined {
  return value !== null && /^[1-9]\d{0,5}$/.test(value) ? Number(value) : undefined;
}

/** True for a known reason (the error page never prints what the URL says). */
export function isSignupProblem(value: string | null): value is SignupProblem {
  return value !== null && Object.hasOwn(PROBLEM_MESSAGES, value);
}

/** What the error page (/newsletter/erreur/) says of a refusal, in its heading and the paragraph under it. */
export interface ErrorPageWords {
  /** The reason the page was opened with, or « requete » when it names none it knows. */
  problem: SignupProblem;
  /** False when the page was opened by hand (a bookmark, the history): nothing was sent, and no form is blamed. */
  sent: boolean;
  title: string;
  intro?: string;
}

const CORRECT_AND_RESEND = "Corrigez l’adresse ci-dessous, puis cliquez de nouveau sur «\u202fS’inscrire\u202f».";
const LIMITED_PAGE = {
  title: "Trop de demandes",
  intro: "Votre inscription n’a pas été enregistrée cette fois. Votre adresse reste dans le champ ci-dessous.",
};
/**
 * The address is not at fault when there were too many tries or the service was down: the page says so. What went
 * wrong, and how long to wait, is the error above the field (refusalWords), said once. An address's own fault
 * (EMAIL_MESSAGES) is « Inscription à corriger ».
 */
const ERROR_PAGES: Partial<Record<SignupProblem, { title: string; intro: string }>> = {
  "adresse-refusee": {
    title: "Adresse refusée",
    intro:
      "Votre inscription n’a pas abouti. Votre adresse reste dans le champ ci-dessous\u00a0: corrigez-la, ou essayez-en une autre.",
  },
  "faute-de-frappe": {
    title: "Adresse à vérifier",
    intro: "Votre inscription n’a pas encore été enregistrée\u00a0: vérifiez votre adresse ci-dessous.",
  },
  "trop-de-demandes": LIMITED_PAGE,
  "trop-d-inscriptions": LIMITED_PAGE,
  requete: { title: "Inscription à refaire", intro: "Votre inscription n’a pas été enregistrée." },
  indisponible: {
    title: "Inscription indisponible",
    intro:
      "Votre inscription n’a pas pu être faite. Votre adresse reste dans le champ ci-dessous\u00a0: renvoyez-la dans quelques minutes.",
  },
};

/**
 * The error page's heading and words for the reason in its query (`raison`). No known reason: the page was opened by
 * hand, and nothing was sent; it still answers as an unreadable form does (« requete », a 400), but blames no form.
 */
export function errorPageWords(reason: string | null): ErrorPageWords {
  if (!isSignupProblem(reason)) return { problem: "requete", sent: false, title: "Inscription à la newsletter" };
  const words = ERROR_PAGES[reason] ?? {
    title: "Inscription à corriger",
    intro: `Votre inscription n’a pas été enregistrée. ${CORRECT_AND_RESEND}`,
  };
  return { problem: reason, sent: true, ...words };
}

/** The error page's error when nothing was sent (errorPageWords' `sent` is false). */
export const NOTHING_SENT =
  "Aucune demande d’inscription n’a été reçue\u00a0: indiquez votre adresse e-mail, puis cliquez sur «\u202fS’inscrire\u202f».";

/**
 * The 405 of the confirmation and unsubscription links (/api/newsletter/confirm, /unsubscribe). « Ce lien », not
 * « cette adresse »: on the newsletter's pages, « adresse » is the reader's e-mail address.
 */
export const LINK_METHOD_NOT_ALLOWED =
  "Ce lien ne sert qu’à confirmer une inscription ou à se désinscrire, depuis un e-mail de la newsletter\u00a0: ouvrez le lien reçu par e-mail.";

export const HTTP_MESSAGES = {
  405: "Cette page ne reçoit que le formulaire d’inscription à la newsletter\u00a0: pour vous inscrire, ouvrez la page Newsletter du site (/newsletter/).",
  408: "La requête a mis trop de temps à arriver. Réessayez.",
  413: `La requête est trop volumineuse (${String(MAX_BODY_BYTES / 1024)}\u00a0Ko au plus).`,
  415: "Format non pris en charge\u00a0: envoyez un formulaire ou du JSON.",
  403: "Les inscriptions venant d’un autre site sont refusées.",
  503: UNAVAILABLE,
} as const;

/**
 * The link back to the page a signup came from (a cleanSource path), worded the same on /newsletter/merci/ and
 * /newsletter/erreur/; none for the home page, which every page links to already.
 */
export function backLinkLabel(source: string): string | undefined {
  if (source === "/") return undefined;
  if (articleSlugIn(source) !== undefined) return "Revenir à l’article";
  return source === newsletterUrl() ? "Revenir à la page Newsletter" : "Revenir à la page précédente";
}
