import type { APIRoute } from "astro";
import { handlePreflight, handleSignup, methodNotAllowed } from "../../lib/newsletter/handler.ts";
import { clientKey } from "../../lib/newsletter/client.ts";
import { withNewsletter } from "../../lib/newsletter/runtime.ts";

export const prerender = false;

export const POST: APIRoute = ({ request, clientAddress }) =>
  withNewsletter(request, (deps) => handleSignup(request, deps, clientKey(clientAddress)));
export const OPTIONS: APIRoute = ({ request }) => withNewsletter(request, (deps) => handlePreflight(request, deps));
export const ALL: APIRoute = ({ request }) => methodNotAllowed(request);
