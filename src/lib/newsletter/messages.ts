/** What the newsletter says to readers, in French, by situation. */
import { EMAIL_MESSAGES, type EmailProblem } from "./email.ts";

/**
 * One message at most per address in this time (a confirmation, or « déjà inscrit(e) »): a pending address sent
 * again and again is not mailed each time. Meanwhile the answer is the same (the last message is recent).
 */
export const MAIL_EVERY_SECONDS = 600;
/**
 * Messages one address is sent in 24 hours at most (confirmations and « déjà inscrit(e) » alike): past them, a signup
 * gets the same answer and sends nothing, so a robot behind a proxy without a per-client limit cannot flood a mailbox.
 */
export const MAILS_PER_DAY = 3;
/**
 * How long a request's claim to send a message holds: meanwhile an identical signup of the same process waits for
 * that sending and answers as it does (a claim this process does not hold, another server's or a dead one's, is
 * taken over: handleSignup in handler.ts). Longer than an SMTP sending may take (SMTP_TIMEOUTS: 5 s to connect, 5 s for the
 * greeting, 10 s without an answer).
 */
export const MAIL_CLAIM_SECONDS = 30;

/**
 * True whatever happened: a new message, one sent less than MAIL_EVERY_SECONDS ago (none is sent again
 * meanwhile), or « déjà inscrit(e) » to a subscriber, sent like a confirmation so that nobody learns who is
 * subscribed. « vient de vous être envoyé » was false for a reader trying again after a few minutes.
 */
export const SIGNUP_OK = `Merci\u202f! Un e-mail de confirmation vous a été envoyé\u00a0: cliquez sur le lien qu’il contient pour valider votre inscription. Rien reçu\u202f? Regardez dans les courriers indésirables\u202f; un nouvel envoi est possible ${String(MAIL_EVERY_SECONDS / 60)}\u00a0minutes après le précédent (${String(MAILS_PER_DAY)}\u00a0par jour au plus).`;

const UNAVAILABLE = "L’inscription est momentanément indisponible. Réessayez dans quelques minutes.";

/** Reasons a signup can be turned back, as they travel in the error page's URL. */
export type SignupProblem =
  EmailProblem | "adresse-refusee" | "trop-de-demandes" | "trop-d-inscriptions" | "requete" | "indisponible";

export const PROBLEM_MESSAGES: Record<SignupProblem, string> = {
  ...EMAIL_MESSAGES,
  "adresse-refusee":
    "Le serveur de messagerie a refusé cette adresse\u00a0: aucun e-mail n’a pu lui être envoyé. Vérifiez-la, ou essayez une autre adresse.",
  "trop-de-demandes": "Trop de demandes pour cette adresse en une heure. Réessayez plus tard.",
  "trop-d-inscriptions": "Trop d’inscriptions envoyées depuis votre connexion en une heure. Réessayez plus tard.",
  requete: "Le formulaire envoyé est illisible. Réessayez depuis la page.",
  indisponible: UNAVAILABLE,
};

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

/** The 405 of the confirmation and unsubscription addresses (/api/newsletter/confirm, /unsubscribe). */
export const LINK_METHOD_NOT_ALLOWED =
  "Cette adresse ne sert qu’aux liens et aux boutons des e-mails de la newsletter (confirmation, désinscription)\u00a0: ouvrez le lien reçu par e-mail.";

export const HTTP_MESSAGES = {
  405: "Cette adresse ne reçoit que le formulaire d’inscription à la newsletter\u00a0: pour vous inscrire, ouvrez la page Newsletter du site (/newsletter/).",
  408: "La requête a mis trop de temps à arriver. Réessayez.",
  413: "La requête est trop volumineuse (4\u00a0Ko au plus).",
  415: "Format non pris en charge\u00a0: envoyez un formulaire ou du JSON.",
  403: "Les inscriptions venant d’un autre site sont refusées.",
  503: UNAVAILABLE,
} as const;
