/**
 * The newsletter's on-demand routes, as Astro handlers: each runs its handler (handler.ts) with the newsletter's
 * dependencies (runtime.ts) and answers a reader's form with a page rather than a redirect to it when it must.
 */
import type { APIContext, APIRoute } from "astro";
import type { NewsletterDeps } from "./handler.ts";
import { handleTokenLink, PAGES, tokenLinkPage, tokenLinkUnavailable, type TokenAction } from "./handler.ts";
import { withNewsletter } from "./runtime.ts";

/**
 * Runs `handle` on a copy of the POST (Astro rewrites only a request whose body is unread), with the newsletter's
 * dependencies (`unavailable`'s answer when they cannot be opened); a 303 to `page` is answered with that page
 * itself (a rewrite), its status included, not a redirect.
 */
export async function postAnsweredWith(
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

/**
 * GET and POST of /api/newsletter/confirm?token=… and /unsubscribe?token=…: GET (a message's link, opened by the
 * reader or a mail scanner) leads to the page with the button; POST is that button, or for an unsubscription a
 * mail client's one-click (RFC 8058). When it cannot be recorded, the reader's button is answered with the page
 * that says so (503), not a redirect.
 */
export function tokenRoute(action: TokenAction): { GET: APIRoute; POST: APIRoute } {
  return {
    GET: ({ request }) => tokenLinkPage(request, action),
    POST: (context) =>
      postAnsweredWith(
        context,
        PAGES.linkUnavailable,
        (request, deps) => handleTokenLink(request, deps, action),
        (request) => tokenLinkUnavailable(request, action),
      ),
  };
}
