/**
 * The simple lines of dist/client/_redirects (Netlify's and Cloudflare Pages' format, copied from public/), which
 * the Node server follows as those hosts do, so a renamed article's old address leads to the new one everywhere:
 * `from to [status]`, `:name` for one part of the path, a trailing `*` for the rest (`:splat` in `to`), status 301
 * by default or 302, 303, 307, 308. A rule applies only where no file answers; a trailing slash does not count
 * (`/a` and `/a/` are one address), as on Netlify. Other lines (a rewrite with 200, conditions) are for the host.
 */

/** One redirect: the parts of its `from` path, where it leads and with which status. */
export interface RedirectRule {
  from: readonly string[];
  to: string;
  status: number;
}

/** The rules of a _redirects file, and the French reason of each line the Node server does not follow. */
export interface Redirects {
  rules: RedirectRule[];
  ignored: string[];
}

const STATUSES = new Set([301, 302, 303, 307, 308]);

/** The parts of a path, empty ones left out (a trailing slash does not count): "/a/b/" → ["a", "b"], "/" → []. */
const partsOf = (path: string): string[] => path.split("/").filter((part) => part !== "");

/** Reads the text of a _redirects file. */
export function parseRedirects(text: string): Redirects {
  const rules: RedirectRule[] = [];
  const ignored: string[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const [from = "", to = "", status = "301", ...rest] = line.split(/\s+/);
    const code = Number(status.replace(/!$/, ""));
    const ok = from.startsWith("/") && to !== "" && rest.length === 0 && STATUSES.has(code) && /^\d+!?$/.test(status);
    if (!ok) {
      ignored.push(
        `_redirects, ligne ${String(index + 1)}\u00a0: «\u202f${line}\u202f» n’est pas une redirection que le serveur Node suit (de, vers, 301, 302, 303, 307 ou 308)\u202f; elle vaut pour l’hébergeur seulement.`,
      );
      continue;
    }
    rules.push({ from: partsOf(from), to, status: code });
  }
  return { rules, ignored };
}

/** Where `pathname` leads by the first rule that matches it, with its status; undefined when none does. */
export function findRedirect(
  rules: readonly RedirectRule[],
  pathname: string,
): { location: string; status: number } | undefined {
  const parts = partsOf(pathname);
  for (const rule of rules) {
    const values = new Map<string, string>();
    const splat = rule.from.at(-1) === "*";
    const fixed = splat ? rule.from.slice(0, -1) : rule.from;
    if (splat ? parts.length < fixed.length : parts.length !== fixed.length) continue;
    const matches = fixed.every((part, i) => {
      const value = parts[i] ?? "";
      if (!part.startsWith(":")) return part === value;
      values.set(part.slice(1), value);
      return true;
    });
    if (!matches) continue;
    if (splat) values.set("splat", parts.slice(fixed.length).join("/"));
    const location = rule.to.replace(/:([A-Za-z_]\w*)/g, (whole, name: string) => values.get(name) ?? whole);
    return { location, status: rule.status };
  }
  return undefined;
}
