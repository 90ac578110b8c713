/**
 * Progressive enhancement of the newsletter box: post with fetch and answer in place. Without
 * it (or JavaScript) the form posts normally and the server redirects.
 */
const NETWORK =
  "Impossible de joindre le serveur. Vérifiez votre connexion, puis réessayez\u00a0: votre adresse est toujours dans le champ.";
const UNKNOWN = "L’inscription n’a pas pu aboutir. Réessayez dans un moment.";

/** Attaches the enhancement to every form marked data-newsletter. */
export function enhanceNewsletterForms(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-newsletter]")) {
    const status = form.querySelector<HTMLElement>("[data-status]");
    const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
    const error = form.querySelector<HTMLElement>(".error");
    const field = form.querySelector<HTMLInputElement>("input[type=email]");
    if (status === null || button === null || field === null) continue;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (error !== null) error.hidden = true;
      button.disabled = true;
      delete status.dataset["kind"];
      status.textContent = "Envoi en cours…";
      const body = new URLSearchParams();
      for (const [name, value] of new FormData(form)) if (typeof value === "string") body.append(name, value);
      fetch(form.action, { method: "POST", headers: { Accept: "application/json" }, body })
        .then(async (response) => {
          const data = (await response.json().catch(() => ({}))) as { ok?: boolean; message?: string };
          status.textContent = data.message ?? UNKNOWN;
          if (data.ok === true) form.reset();
          field.setAttribute("aria-invalid", String(data.ok !== true));
          if (data.ok !== true) status.dataset["kind"] = "error";
        })
        .catch(() => {
          status.textContent = NETWORK;
          status.dataset["kind"] = "error";
        })
        .finally(() => {
          button.disabled = false;
        });
    });
  }
}
