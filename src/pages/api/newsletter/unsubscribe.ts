import type { APIRoute } from "astro";
import { handleTokenLink } from "../../../lib/newsletter/handler.ts";
import { newsletter } from "../../../lib/newsletter/runtime.ts";

export const prerender = false;

/** GET from the link in a message; POST from a mail client's one-click unsubscribe (RFC 8058). */
export const GET: APIRoute = ({ request }) => handleTokenLink(request, newsletter(), "unsubscribe");
export const POST: APIRoute = ({ request }) => handleTokenLink(request, newsletter(), "unsubscribe");
