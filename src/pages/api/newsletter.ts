import type { APIRoute } from "astro";
import { handlePreflight, methodNotAllowed } from "../../lib/newsletter/handler.ts";
import { signupPost } from "../../lib/newsletter/routes.ts";
import { withNewsletter } from "../../lib/newsletter/runtime.ts";

export const prerender = false;

export const POST: APIRoute = (context) => signupPost(context);
export const OPTIONS: APIRoute = ({ request }) => withNewsletter(request, (deps) => handlePreflight(request, deps));
export const ALL: APIRoute = ({ request }) => methodNotAllowed(request);
