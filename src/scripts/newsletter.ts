/**
 * Progressive enhancement of the newsletter box: post with fetch and answer in place. Without
 * it (or JavaScript) the form posts normally and the server redirects.
 */
import { SIGNUP_ANSWER_WAIT_MS } from "../lib/newsletter/policy.ts";

const NETWORK =
  "Impossible de joindre le serveur. Vérifiez votre connexion, puis réessayez\u00a0: votre adresse est toujours dans le champ.";
const UNKNOWN = "L’inscription n’a pas pu aboutir. Réessayez dans quelques minutes.";
/**
 * A server that never answers is given up after SIGNUP_ANSWER_WAIT_MS (policy.ts), like an unreachable one. A timer
 * rather than AbortSignal.timeout, which a test's clock cannot drive.
 */

/**
 * After a signup accepted in place, what the page said of a refusal (/newsletter/erreur/) gives way: an element
 * marked data-after-signup takes that text, or is hidden when it is empty; the tab's title follows the heading.
 */
function showAccepted(): void {
  for (const element of document.querySelectorAll<HTMLElement>("[data-after-signup]")) {
    const text = element.dataset["afterSignup"] ?? "";
    if (text === "") {
      element.hidden = true;
    } else {
      document.title = document.title.replace(element.textContent.trim(), text);
      element.textContent = text;
    }
  }
}

/** Attaches the enhancement to every form marked data-newsletter. */
export function enhanceNewsletterForms(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-newsletter]")) {
    const status = form.querySelector<HTMLElement>("[data-status]");
    const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
    const error = form.querySelector<HTMLElement>(".error");
    const field = form.querySelector<HTMLInputElement>("input[type=email]");
    // After a typo's warning: the address meant, as a button, and the address typed, kept if sent again as it is.
    const suggestion = form.querySelector<HTMLButtonElement>("button[data-suggestion]");
    const kept = form.querySelector<HTMLInputElement>("input[data-kept]");
    if (status === null || button === null || field === null) continue;
    /** Offers `meant` (the server's suggestion) for the address just sent, or takes the offer back. */
    const offer = (meant: string | undefined, sent: string): void => {
      if (kept !== null) kept.value = meant === undefined ? "" : sent;
      if (suggestion === null) return;
      // Hidden while it has the focus (« S’inscrire avec … » accepted), it would drop the focus to the page.
      if (meant === undefined && document.activeElement === suggestion) button.focus();
      suggestion.hidden = meant === undefined;
      suggestion.value = meant ?? "";
      const address = suggestion.querySelector(".address");
      if (address !== null) address.textContent = meant ?? "";
    };
    // An address edited after a typo's warning is the reader's new one: the offer for the old one goes.
    field.addEventListener("input", () => {
      if (suggestion !== null && !suggestion.hidden) offer(undefined, "");
    });
    // The field's description without the server's error (shown on /newsletter/erreur/): the fine print.
    const fine = (field.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .filter((id) => id !== error?.id)
      .join(" ");
    /**
     * Shows the server's answer. The field names the error shown (read with it, by a screen reader), or the fine print
     * only. After a success the focus stays where it was (the button, or the field) and the status, live, is read. A
     * refusal takes the focus back to the field, which a screen reader then reads with the error, its description: the
     * live region stays quiet for that answer (aria-live off), or the error was heard twice. Already in the field
     * (Enter pressed there), the focus does not move and the live region says it.
     */
    const answer = (text: string, refused: boolean, invalid = refused): void => {
      status.setAttribute("aria-live", refused && document.activeElement !== field ? "off" : "polite");
      status.textContent = text;
      // Invalid only when the address is at fault (the server's `field`): a limit or a network failure leaves it fine.
      field.setAttribute("aria-invalid", String(invalid));
      field.setAttribute("aria-describedby", refused ? `${status.id} ${fine}` : fine);
      if (refused) {
        status.dataset["kind"] = "error";
        // Back on the field, to fix the address and send it again.
        field.focus();
      }
    };
    /**
     * The answer and the field in view: the answer, above the field, can push it under a phone's open keyboard, or
     * the page may have scrolled. The field first, then the answer just above it (nearest: no move when in view).
     */
    const inView = (): void => {
      field.scrollIntoView({ block: "nearest" });
      status.scrollIntoView({ block: "nearest" });
    };
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      // aria-disabled, not disabled: a disabled button loses the focus (Chromium drops it to the page), and a keyboard
      // user would start again from the top. A second Enter while sending does nothing.
      if (button.getAttribute("aria-disabled") === "true") return;
      // « S’inscrire avec … »: its address goes in the field, where the reader sees what is sent.
      if (event.submitter !== null && event.submitter === suggestion) field.value = suggestion.value;
      const sent = field.value;
      if (error !== null) error.hidden = true;
      button.setAttribute("aria-disabled", "true");
      delete status.dataset["kind"];
      field.setAttribute("aria-describedby", fine);
      status.setAttribute("aria-live", "polite");
      status.textContent = "Envoi en cours…";
      const body = new URLSearchParams();
      for (const [name, value] of new FormData(form)) if (typeof value === "string") body.append(name, value);
      const abort = new AbortController();
      const timer = setTimeout(() => {
        abort.abort();
      }, SIGNUP_ANSWER_WAIT_MS);
      fetch(form.action, { method: "POST", headers: { Accept: "application/json" }, body, signal: abort.signal })
        .then(async (response) => {
          const data = (await response.json().catch(() => ({}))) as {
            ok?: boolean;
            message?: string;
            suggestion?: string;
            field?: string;
          };
          offer(typeof data.suggestion === "string" ? data.suggestion : undefined, sent);
          // The address stays in the field after a success: the reader sees where the message went (a typo shows),
          // and tapping « S’inscrire » again sends it again, which gets the same answer (no second message within
          // minutes), instead of an empty field's « Indiquez votre adresse e-mail. » under a signup that worked.
          answer(data.message ?? UNKNOWN, data.ok !== true, data.field === "email");
          if (data.ok === true) showAccepted();
          inView();
        })
        .catch(() => {
          answer(NETWORK, true, false);
          inView();
        })
        .finally(() => {
          clearTimeout(timer);
          button.removeAttribute("aria-disabled");
        });
    });
  }
}
