import type { APIRoute } from "astro";
import { handleTokenLink } from "../../../lib/newsletter/handler.ts";
import { newsletter } from "../../../lib/newsletter/runtime.ts";

export const prerender = false;

export const GET: APIRoute = ({ request }) => handleTokenLink(request, newsletter(), "confirm");
