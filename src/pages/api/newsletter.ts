import type { APIRoute } from "astro";
import { handlePreflight, handleSignup, methodNotAllowed, PAGES } from "../../lib/newsletter/handler.ts";
import { clientKey } from "../../lib/newsletter/client.ts";
import { postAnsweredWith } from "../../lib/newsletter/routes.ts";
import { withNewsletter } from "../../lib/newsletter/runtime.ts";

export const prerender = false;

// Without JavaScript, a refused signup is answered with the error page itself, not a redirect to it: the
// address typed would sit in the redirect's URL, so in the browser's history and the servers' logs.
export const POST: APIRoute = (context) =>
  postAnsweredWith(context, PAGES.error, (request, deps) =>
    handleSignup(request, deps, clientKey(context.clientAddress)),
  );
export const OPTIONS: APIRoute = ({ request }) => withNewsletter(request, (deps) => handlePreflight(request, deps));
export const ALL: APIRoute = ({ request }) => methodNotAllowed(request);
