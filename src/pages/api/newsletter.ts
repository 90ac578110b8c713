import type { APIRoute } from "astro";
import { handleSignup, methodNotAllowed } from "../../lib/newsletter/handler.ts";
import { newsletter } from "../../lib/newsletter/runtime.ts";

export const prerender = false;

export const POST: APIRoute = ({ request }) => handleSignup(request, newsletter());
export const ALL: APIRoute = ({ request }) => methodNotAllowed(request);
