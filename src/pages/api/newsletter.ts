import type { APIRoute } from "astro";
import { handlePreflight } from "../../lib/newsletter/handler.ts";
import { methodNotAllowed, signupGet } from "../../lib/newsletter/http.ts";
import { signupPost } from "../../lib/newsletter/routes.ts";
import { withNewsletter } from "../../lib/newsletter/runtime.ts";

export const prerender = false;

export const POST: APIRoute = (context) => signupPost(context);
// The address opened again in a browser leads to the form; HEAD is GET's, named since ALL would take it.
export const GET: APIRoute = ({ request }) => signupGet(request);
export const HEAD: APIRoute = GET;
export const OPTIONS: APIRoute = ({ request }) => withNewsletter(request, (deps) => handlePreflight(request, deps));
export const ALL: APIRoute = ({ request }) => methodNotAllowed(request);
