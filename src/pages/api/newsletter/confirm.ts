import type { APIRoute } from "astro";
import { handleTokenLink, PAGES, tokenLinkPage, tokenLinkUnavailable } from "../../../lib/newsletter/handler.ts";
import { withNewsletter } from "../../../lib/newsletter/runtime.ts";

export const prerender = false;

/** GET (a message's link, opened by the reader or a mail scanner) leads to the page with the button; its POST confirms. */
export const GET: APIRoute = ({ request }) => tokenLinkPage(request, "confirm");
export const POST: APIRoute = async (context) => {
  // The handler reads a copy's body: Astro rewrites only a request whose body is unread.
  const press = context.request.clone();
  const response = await withNewsletter(
    press,
    (deps) => handleTokenLink(press, deps, "confirm"),
    () => tokenLinkUnavailable(press, "confirm"),
  );
  // When it cannot be recorded, the reader's button is answered with the page that says so (503), not a redirect.
  const location = response.headers.get("location");
  if (response.status === 303 && location?.startsWith(PAGES.linkUnavailable) === true) return context.rewrite(location);
  return response;
};
