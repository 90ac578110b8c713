/**
 * The newsletter's on-demand routes, as Astro handlers: each runs its handler (handler.ts) with the newsletter's
 * dependencies (runtime.ts) and answers a reader's form with a page rather than a redirect to it when it must.
 */
import type { APIContext, APIRoute } from "astro";
import type { NewsletterDeps } from "./handler.ts";
import { handleSignup, handleTokenLink, signupUnavailable, tokenLinkPage, tokenLinkUnavailable } from "./handler.ts";
import { clientGone, linkMethodNotAllowed } from "./http.ts";
import { PAGES, type TokenAction } from "./links.ts";
import { clientKey, trustedProxies } from "./client.ts";
import { withNewsletter } from "./runtime.ts";

/**
 * Runs `handle` on a copy of the POST (Astro rewrites only a request whose body is unread), with the newsletter's
 * dependencies (`unavailable`'s answer when they cannot be opened); a 303 to `page` is answered with that page
 * itself (a rewrite), its status included, not a redirect.
 */
async function postAnsweredWith(
  context: APIContext,
  page: string,
  handle: (request: Request, deps: NewsletterDeps) => Response | Promise<Response>,
  unavailable?: (request: Request) => Response | Promise<Response>,
): Promise<Response> {
  const request = context.request.clone();
  const response = await withNewsletter(
    request,
    (deps) => handle(request, deps),
    unavailable === undefined ? undefined : () => unavailable(request),
  );
  const location = response.headers.get("location");
  if (response.status === 303 && location?.startsWith(page) === true) return context.rewrite(location);
  return response;
}

/** The proxies besides the private and loopback ones whose X-Forwarded-For is believed (read once). */
let proxies: ReturnType<typeof trustedProxies>["proxies"] | undefined;

/**
 * The client's address (Astro's clientAddress), or null when the client is gone: Astro reads it from the connection
 * when the request reaches it, and throws (ClientAddressNotAvailable) when the client has already closed it.
 */
function clientAddressOf(context: APIContext): string | null {
  try {
    return context.clientAddress;
  } catch {
    return null;
  }
}

/**
 * POST /api/newsletter. Without JavaScript, a refused signup is answered with the error page itself, not a redirect
 * to it: the address typed would sit in the redirect's URL, so in the browser's history and the servers' logs. So is
 * a signup while the store cannot be opened (signupUnavailable).
 */
export function signupPost(context: APIContext): Promise<Response> {
  const address = clientAddressOf(context);
  // The client closed its connection before its request was handled: nobody will read the answer, and a signup
  // whose sender cannot be counted (the per-client limit) is not made.
  if (address === null) return Promise.resolve(clientGone());
  return postAnsweredWith(
    context,
    PAGES.error,
    (request, deps) => {
      proxies ??= trustedProxies(process.env["TRUSTED_PROXIES"]).proxies;
      return handleSignup(request, deps, clientKey(address, request.headers.get("x-forwarded-for"), proxies));
    },
    signupUnavailable,
  );
}

/**
 * GET and POST of /api/newsletter/confirm?token=… and /unsubscribe?token=…: GET (a message's link, opened by the
 * reader or a mail scanner) leads to the page with the button; POST is that button, or for an unsubscription a
 * mail client's one-click (RFC 8058). When it cannot be recorded, the reader's button is answered with the page
 * that says so (503), not a redirect. Any other method gets a 405 with Allow (Astro would answer its 404 page and
 * log a warning); HEAD is GET's, named since ALL would take it.
 */
export function tokenRoute(action: TokenAction): { GET: APIRoute; HEAD: APIRoute; POST: APIRoute; ALL: APIRoute } {
  const GET: APIRoute = ({ request }) => tokenLinkPage(request, action);
  return {
    GET,
    HEAD: GET,
    ALL: ({ request }) => linkMethodNotAllowed(request),
    POST: (context) =>
      postAnsweredWith(
        context,
        PAGES.linkUnavailable,
        (request, deps) => handleTokenLink(request, deps, action),
        (request) => tokenLinkUnavailable(request, action),
      ),
  };
}
