/**
 * The newsletter routes' HTTP: answers (JSON for a program that asks it, plain text otherwise, a 303 after a form) and
 * what a request says of itself (its body, read within limits; its origin; the fields it posts). The signup and the
 * token links (handler.ts) are written with them.
 */
import { HTTP_MESSAGES, LINK_METHOD_NOT_ALLOWED, PROBLEM_MESSAGES } from "./messages.ts";
import { BODY_TIMEOUT_MS, MAX_BODY_BYTES, UNAVAILABLE_RETRY_SECONDS } from "./policy.ts";
import { newsletterUrl } from "../urls.ts";

/** A JSON answer, never cached. */
export const json = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });

/** A plain-text answer, never cached: a program that does not ask JSON, a mail client's one-click. */
export const text = (status: number, message: string, headers: Record<string, string> = {}): Response =>
  new Response(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });

/** A redirect after a form post (303, so reloading the next page never posts again). */
export const seeOther = (location: string): Response =>
  new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });

/** The code a JSON client reads of each HTTP_MESSAGES refusal, as it reads « domaine » or « requete » of the others. */
const HTTP_PROBLEMS: Record<keyof typeof HTTP_MESSAGES, string> = {
  403: "origine",
  405: "methode",
  408: "trop-lente",
  413: "trop-volumineuse",
  415: "format",
  503: "indisponible",
};

/** 503 when the store cannot be reached: the reader is told to try again, nothing is lost silently. */
export function unavailable(request: Request): Response {
  const headers = { "Retry-After": String(UNAVAILABLE_RETRY_SECONDS) };
  return wantsJson(request)
    ? json(503, { ok: false, error: HTTP_PROBLEMS[503], message: HTTP_MESSAGES[503] }, headers)
    : text(503, HTTP_MESSAGES[503], headers);
}

/**
 * The answer to a client that closed its connection before its request was handled: nobody reads it, and nothing
 * was done.
 */
export const clientGone = (): Response => text(400, PROBLEM_MESSAGES.requete);

/**
 * 405 for a method a route does not take: by default the signup's (POST only); `allow` and `message` for the
 * confirmation and unsubscription routes (linkMethodNotAllowed).
 */
export function methodNotAllowed(request: Request, allow = "POST", message: string = HTTP_MESSAGES[405]): Response {
  const headers = { Allow: allow };
  return wantsJson(request)
    ? json(405, { ok: false, error: HTTP_PROBLEMS[405], message }, headers)
    : text(405, message, headers);
}

/**
 * GET of the signup's address: a reader who opens it again (the address bar after a refused signup without
 * JavaScript, a reopened tab) is led to the newsletter's page, not a bare 405; a program asking JSON gets its 405.
 */
export function signupGet(request: Request): Response {
  return wantsJson(request) ? methodNotAllowed(request) : seeOther(newsletterUrl());
}

/** 405 for /api/newsletter/confirm and /unsubscribe: they take a link's GET (and HEAD) and a button's POST. */
export const linkMethodNotAllowed = (request: Request): Response =>
  methodNotAllowed(request, "GET, HEAD, POST", LINK_METHOD_NOT_ALLOWED);

/** A program asking JSON (Accept, or a JSON body), answered in JSON; a browser's form gets pages. */
export function wantsJson(request: Request): boolean {
  const accept = (request.headers.get("accept") ?? "").toLowerCase();
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  return accept.includes("application/json") || type.startsWith("application/json");
}

type Body = { kind: "ok"; text: string } | { kind: "too-large" } | { kind: "timeout" } | { kind: "unreadable" };

/** The body as UTF-8 text, read up to MAX_BODY_BYTES and BODY_TIMEOUT_MS, or why it was not. */
export async function readBody(request: Request): Promise<Body> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return { kind: "too-large" };
  if (request.body === null) return { kind: "ok", text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">(
    (resolve) =>
      (timer = setTimeout(() => {
        resolve("timeout");
      }, BODY_TIMEOUT_MS)),
  );
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), timeout]);
      if (next === "timeout") {
        void reader.cancel().catch(() => undefined);
        return { kind: "timeout" };
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > MAX_BODY_BYTES) {
        void reader.cancel().catch(() => undefined);
        return { kind: "too-large" };
      }
      chunks.push(next.value);
    }
    return { kind: "ok", text: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { kind: "unreadable" };
  } finally {
    clearTimeout(timer);
  }
}

/** The page's origin when it is one of the other sites allowed to post the form (ALLOWED_ORIGINS). */
export function allowedForeignOrigin(request: Request, allowed: readonly string[]): string | undefined {
  const origin = request.headers.get("origin");
  return origin !== null && origin !== new URL(request.url).origin && allowed.includes(origin) ? origin : undefined;
}

/** A post from another site's page that is not one of the allowed ones (a forged form): refused. */
export function isCrossSite(request: Request, allowed: readonly string[]): boolean {
  // An allowed site is cross-site by nature: its browser says so, and it is welcome.
  if (allowedForeignOrigin(request, allowed) !== undefined) return false;
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  // No Origin: not a browser form (curl, a server); browsers always send one with a POST.
  if (origin === null) return false;
  return origin !== new URL(request.url).origin;
}

/** A signup's fields, as its form or JSON sent them. */
export type Fields = Record<string, unknown>;

/** The fields of a form (urlencoded) or a JSON object; undefined when the body is neither. */
export function parseFields(type: string, body: string): Fields | undefined {
  if (type === "application/x-www-form-urlencoded") return Object.fromEntries(new URLSearchParams(body));
  try {
    const data: unknown = JSON.parse(body);
    return data !== null && typeof data === "object" && !Array.isArray(data) ? (data as Fields) : undefined;
  } catch {
    return undefined;
  }
}

/** A refusal that is the request's own fault, with its HTTP_MESSAGES sentence: JSON or plain text. */
export const fail = (request: Request, status: keyof typeof HTTP_MESSAGES): Response =>
  wantsJson(request)
    ? json(status, { ok: false, error: HTTP_PROBLEMS[status], message: HTTP_MESSAGES[status] })
    : text(status, HTTP_MESSAGES[status]);
