import { tokenRoute } from "../../../lib/newsletter/routes.ts";

export const prerender = false;

export const { GET, HEAD, POST, ALL } = tokenRoute("unsubscribe");
