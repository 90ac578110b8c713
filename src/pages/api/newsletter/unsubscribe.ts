import type { APIRoute } from "astro";
import { handleTokenLink, tokenLinkPage } from "../../../lib/newsletter/handler.ts";
import { withNewsletter } from "../../../lib/newsletter/runtime.ts";

export const prerender = false;

/** GET (a message's link) leads to the page with the button; POST is that button, or a mail client's one-click unsubscribe (RFC 8058). */
export const GET: APIRoute = ({ request }) => tokenLinkPage(request, "unsubscribe");
export const POST: APIRoute = ({ request }) =>
  withNewsletter(request, (deps) => handleTokenLink(request, deps, "unsubscribe"));
