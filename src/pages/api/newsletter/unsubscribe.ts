import type { APIRoute } from "astro";
import { handleTokenLink } from "../../../lib/newsletter/handler.ts";
import { withNewsletter } from "../../../lib/newsletter/runtime.ts";

export const prerender = false;

const unsubscribe: APIRoute = ({ request }) =>
  withNewsletter(request, (deps) => handleTokenLink(request, deps, "unsubscribe"));

/** GET from the link in a message; POST from a mail client's one-click unsubscribe (RFC 8058). */
export const GET = unsubscribe;
export const POST = unsubscribe;
