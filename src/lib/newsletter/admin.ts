/**
 * The editor's commands on one subscriber (npm run subscribers -- chercher|supprimer <adresse>), for a reader who
 * writes to ask what is kept about them, or to be erased: the address is read as a signup reads it, and the answer is
 * French text.
 */
import { formatDateTime } from "../dates.ts";
import { checkEmail, EMAIL_MESSAGES } from "./email.ts";
import type { Subscriber, SubscriberStatus, SubscriberStore } from "./store.ts";

/** What a command prints, and its exit code (0 done, 1 nothing found). */
export interface CommandResult {
  code: 0 | 1;
  out: string;
  err: string;
}

const STATES: Record<SubscriberStatus, string> = {
  pending: "en attente de confirmation",
  confirmed: "confirmée",
  unsubscribed: "désinscrite",
};

/**
 * The address as a signup stores it (checkEmail: spaces trimmed, the domain lower-cased and in Unicode), or as typed,
 * trimmed, when it is not a valid address (a row an older version kept); the store then compares emailKey's.
 */
export function storedAddress(typed: string): string {
  const check = checkEmail(typed);
  return check.ok ? check.email : typed.trim();
}

const when = (iso: string): string => `${formatDateTime(new Date(iso))} (${iso})`;

/** What the store holds about a subscriber, in French, one fact a line; dates in Paris time, then as stored (UTC). */
export function describeSubscriber(s: Subscriber): string {
  const confirmedBefore = s.status !== "confirmed" && s.confirmedOnce ? " (une inscription a été confirmée avant)" : "";
  return [
    `Adresse\u00a0: ${s.email}`,
    `État\u00a0: ${STATES[s.status]}${confirmedBefore}`,
    `Première demande\u00a0: ${when(s.createdAt)}`,
    `Dernière demande (consentement)\u00a0: ${when(s.consentAt)}, depuis la page ${s.source}`,
    ...(s.confirmedAt !== null ? [`Confirmée le\u00a0: ${when(s.confirmedAt)}`] : []),
    ...(s.unsubscribedAt !== null ? [`Désinscrite le\u00a0: ${when(s.unsubscribedAt)}`] : []),
    ...(s.mailedAt !== null ? [`Dernier e-mail envoyé\u00a0: ${when(s.mailedAt)}`] : []),
    ...(s.previousConsent !== null
      ? [
          `Consentement confirmé précédent\u00a0: demandé le ${when(s.previousConsent.consentAt)}, depuis la page ${s.previousConsent.source}, confirmé le ${when(s.previousConsent.confirmedAt)}`,
        ]
      : []),
  ].join("\n");
}

/** The refusal when no row holds the address typed, with why it is not an address when it is not one. */
function notFound(typed: string, where: string): CommandResult {
  const check = checkEmail(typed);
  const why = check.ok ? "" : ` (${EMAIL_MESSAGES[check.problem]})`;
  return { code: 1, out: "", err: `Aucune inscription pour «\u202f${typed.trim()}\u202f» dans ${where}${why}.\n` };
}

/** `chercher <adresse>`: everything kept about the address, or that nothing is. */
export function findSubscriber(store: Pick<SubscriberStore, "find">, typed: string, where: string): CommandResult {
  const found = store.find(storedAddress(typed));
  return found === undefined ? notFound(typed, where) : { code: 0, out: `${describeSubscriber(found)}\n`, err: "" };
}

/**
 * `supprimer <adresse>`: erases the address's row, whatever its state, with its rate counter (SubscriberStore.erase),
 * and the messages kept for it (`eraseMessages`: the outbox's, eraseOutboxMessages), and prints what it held.
 */
export function eraseSubscriber(
  store: SubscriberStore,
  typed: string,
  where: string,
  eraseMessages?: (erased: Subscriber) => number,
): CommandResult {
  const erased = store.erase(storedAddress(typed));
  if (erased === undefined) return notFound(typed, where);
  const messages =
    eraseMessages === undefined
      ? ""
      : `Messages effacés de la boîte d’envoi\u00a0: ${String(eraseMessages(erased))}.\n`;
  return {
    code: 0,
    out: `${describeSubscriber(erased)}\nSupprimée de la base des abonnés.\n${messages}`,
    err: "",
  };
}
