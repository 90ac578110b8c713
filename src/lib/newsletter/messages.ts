/** What the newsletter says to readers, in French, by situation. */
import { EMAIL_MESSAGES, type EmailProblem } from "./email.ts";

export const SIGNUP_OK =
  "Merci\u202f! Un e-mail de confirmation vient de vous être envoyé\u00a0: cliquez sur le lien qu’il contient pour valider votre inscription.";

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

/** True for a known reason (the error page never prints what the URL says). */
export function isSignupProblem(value: string | null): value is SignupProblem {
  return value !== null && Object.hasOwn(PROBLEM_MESSAGES, value);
}

export const HTTP_MESSAGES = {
  405: "Cette adresse n’accepte que l’envoi du formulaire d’inscription (POST).",
  408: "La requête a mis trop de temps à arriver. Réessayez.",
  413: "La requête est trop volumineuse (4\u00a0Ko au plus).",
  415: "Format non pris en charge\u00a0: envoyez un formulaire ou du JSON.",
  403: "Les inscriptions venant d’un autre site sont refusées.",
  503: UNAVAILABLE,
} as const;
