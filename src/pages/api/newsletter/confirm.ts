import type { APIRoute } from "astro";
import { handleTokenLink } from "../../../lib/newsletter/handler.ts";
import { withNewsletter } from "../../../lib/newsletter/runtime.ts";

export const prerender = false;

export const GET: APIRoute = ({ request }) =>
  withNewsletter(request, (deps) => handleTokenLink(request, deps, "confirm"));
