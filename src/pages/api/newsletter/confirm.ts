import type { APIRoute } from "astro";
import { handleTokenLink, tokenLinkPage } from "../../../lib/newsletter/handler.ts";
import { withNewsletter } from "../../../lib/newsletter/runtime.ts";

export const prerender = false;

/** GET (a message's link, opened by the reader or a mail scanner) leads to the page with the button; its POST confirms. */
export const GET: APIRoute = ({ request }) => tokenLinkPage(request, "confirm");
export const POST: APIRoute = ({ request }) =>
  withNewsletter(request, (deps) => handleTokenLink(request, deps, "confirm"));
