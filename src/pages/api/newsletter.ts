import type { APIRoute } from "astro";
import { handlePreflight, handleSignup, methodNotAllowed, PAGES } from "../../lib/newsletter/handler.ts";
import { clientKey } from "../../lib/newsletter/client.ts";
import { withNewsletter } from "../../lib/newsletter/runtime.ts";

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const { request, clientAddress } = context;
  // The handler reads a copy's body: Astro rewrites only a request whose body is unread.
  const signup = request.clone();
  const response = await withNewsletter(signup, (deps) => handleSignup(signup, deps, clientKey(clientAddress)));
  // Without JavaScript, a refused signup is answered with the error page itself, not a redirect to it: the
  // address typed would sit in the redirect's URL, so in the browser's history and the servers' logs.
  const location = response.headers.get("location");
  if (response.status === 303 && location?.startsWith(PAGES.error) === true) return context.rewrite(location);
  return response;
};
export const OPTIONS: APIRoute = ({ request }) => withNewsletter(request, (deps) => handlePreflight(request, deps));
export const ALL: APIRoute = ({ request }) => methodNotAllowed(request);
