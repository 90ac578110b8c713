/** The newsletter's addresses: its pages, its token links (confirm, unsubscribe) and what a form post says it came from. */

/** Paths of the pages a form post is sent to. */
export const PAGES = {
  thanks: "/newsletter/merci/",
  error: "/newsletter/erreur/",
  confirmed: "/newsletter/confirmee/",
  unsubscribed: "/newsletter/desinscription/",
  invalidLink: "/newsletter/lien-invalide/",
  /** A confirmation or unsubscription that could not be recorded (503), with the button to try again. */
  linkUnavailable: "/newsletter/lien-indisponible/",
} as const;

/** What a token link does, the page that asks the reader to do it, and the route that does it. */
export const TOKEN_ACTIONS = {
  confirm: { page: "/newsletter/confirmer/", route: "/api/newsletter/confirm", done: PAGES.confirmed },
  unsubscribe: { page: "/newsletter/se-desinscrire/", route: "/api/newsletter/unsubscribe", done: PAGES.unsubscribed },
} as const;
export type TokenAction = keyof typeof TOKEN_ACTIONS;

/** What a token looks like (randomBytes(24) in base64url); anything else is an invalid link. */
const TOKEN_PATTERN = /^[\w-]{16,64}$/;

/** The token of a link's address (?token=…), when it looks like one. */
export function tokenOf(url: URL): string | undefined {
  const token = url.searchParams.get("token") ?? "";
  return TOKEN_PATTERN.test(token) ? token : undefined;
}

/** `path` with `?token=…`. */
export const withToken = (path: string, token: string): string => `${path}?token=${encodeURIComponent(token)}`;

/**
 * A subscriber's links, on the site at `publicUrl`: the confirmation page (its confirmation token; `token` for a row an
 * older version wrote, as its message had it), and the ways out (the page with its button, and a mail client's one-click
 * POST).
 */
export function subscriberLinks(
  publicUrl: string,
  subscriber: { token: string; confirmToken: string | null },
): { confirm: string; unsubscribePage: string; oneClickUnsubscribe: string } {
  const link = (path: string, token = subscriber.token): string => `${publicUrl}${withToken(path, token)}`;
  return {
    confirm: link(TOKEN_ACTIONS.confirm.page, subscriber.confirmToken ?? subscriber.token),
    unsubscribePage: link(TOKEN_ACTIONS.unsubscribe.page),
    oneClickUnsubscribe: link(TOKEN_ACTIONS.unsubscribe.route),
  };
}

/** A page path the signup came from, or "/" when what was sent is not one. */
export function cleanSource(value: unknown): string {
  // "//host/…" would be another site's address (protocol-relative).
  return typeof value === "string" && /^\/(?!\/)[\w\-./%]{0,300}$/.test(value) && !value.includes("..") ? value : "/";
}

/**
 * The thank-you page's address after a form post: with the page the reader came from (a path of this
 * site, cleanSource), for a link back to it, when that page is not the home page or a newsletter page.
 */
export function thanksUrl(source: unknown): string {
  const from = cleanSource(source);
  return from === "/" || from.startsWith("/newsletter/")
    ? PAGES.thanks
    : `${PAGES.thanks}?${new URLSearchParams({ depuis: from }).toString()}`;
}
