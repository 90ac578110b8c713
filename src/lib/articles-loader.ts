/**
 * The articles' content loader: Astro's glob loader plus three things it does not do.
 * 1. Front matter is re-read with YAML's core schema, so dates stay strings and a date
 *    without offset can be read as Paris time (js-yaml would read it as UTC).
 * 2. Errors are French and name the file and the field.
 * 3. The slug is the file name, checked, and two files with one slug fail the build.
 */
import { readFileSync, existsSync } from "node:fs";
import { basename, join, relative, isAbsolute } from "node:path";
import { fileURLToPath } from "node:url";
import { extractFrontmatter } from "@astrojs/markdown-remark";
import yaml from "js-yaml";
import { glob, type Loader, type ParseDataOptions } from "astro/loaders";
import { articleSchema, describeIssues, describeProblems } from "./article-schema.ts";
import { SLUG_PATTERN } from "./slug.ts";

/** Raised for an article the site cannot publish; its message is meant for editors. */
export class ArticleError extends Error {
  override name = "ArticleError";
  // The message says everything an editor needs: no stack trace of our code under it (Astro prints one when present).
  override stack = "";
}

/** Front matter of a file, with YAML's core schema (dates kept as strings). */
export function readFrontMatter(file: string): Record<string, unknown> {
  const raw = extractFrontmatter(readFileSync(file, "utf8"));
  if (raw === undefined) return {};
  try {
    const data = yaml.load(raw, { schema: yaml.CORE_SCHEMA });
    return data !== null && typeof data === "object" ? (data as Record<string, unknown>) : {};
  } catch (error) {
    const reason = (error as Error).message;
    // The commonest case: a title typed as French writes it, "Titre : sous-titre", which YAML reads as a new field.
    const hint = /mapping/.test(reason)
      ? '\n    un texte qui contient « : » s’écrit entre guillemets droits, par exemple : title: "Titre : sous-titre"'
      : "";
    throw new ArticleError(`Article invalide : ${file}\n  - front matter YAML illisible : ${reason}${hint}`);
  }
}

/** A path as an editor reads it: relative to the project when inside it. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") || isAbsolute(rel) ? file : rel;
}

/** What is wrong with an article's `image`, if anything: a site path must name a file of public/. */
function imageFileProblem(image: string | undefined): string | undefined {
  if (image === undefined || /^https:\/\//.test(image)) return undefined;
  if (!image.startsWith("/")) {
    return `« ${image} » doit commencer par / (un fichier de public/, ex. /images/photo.jpg) ou par https://`;
  }
  const file = join(process.cwd(), "public", decodeURIComponent(image.split(/[?#]/)[0] ?? ""));
  return existsSync(file) ? undefined : `fichier introuvable : public${image} (les images vont dans public/)`;
}

/** Articles from `base` ("content/articles" or an absolute folder); files starting with _ are ignored. */
export function articlesLoader(base: string): Loader {
  const owners = new Map<string, string>();
  const inner = glob({
    pattern: ["**/*.md", "!**/_*", "!**/_*/**"],
    base,
    generateId: ({ entry, base: baseUrl }) => {
      const slug = basename(entry, ".md");
      const shown = (file: string): string => displayPath(join(fileURLToPath(baseUrl), file));
      if (!SLUG_PATTERN.test(slug)) {
        throw new ArticleError(
          `Article invalide : ${shown(entry)}\n  - nom de fichier : « ${slug} » doit être en minuscules sans accents, mots séparés par des tirets (ex. tencent-et-ant-group.md)`,
        );
      }
      const owner = owners.get(slug);
      if (owner !== undefined && owner !== entry && existsSync(join(fileURLToPath(baseUrl), owner))) {
        throw new ArticleError(
          `Article invalide : ${shown(entry)}\n  - slug en double « ${slug} » : déjà utilisé par ${shown(owner)} ; renommez l’un des deux fichiers`,
        );
      }
      owners.set(slug, entry);
      return slug;
    },
  });
  return {
    name: "articles-loader",
    load: async (context) => {
      await inner.load({
        ...context,
        parseData: <TData extends Record<string, unknown>>(props: ParseDataOptions<TData>): Promise<TData> =>
          // A throw inside the executor rejects: the build stops with the editor's message.
          new Promise<TData>((resolve) => {
            const file = props.filePath === undefined ? props.id : displayPath(props.filePath);
            const data = props.filePath === undefined ? props.data : (readFrontMatter(props.filePath) as TData);
            // The collection's schema, checked once here (Astro's own parseData would check it again).
            const result = articleSchema.safeParse(data);
            if (!result.success) throw new ArticleError(describeIssues(file, result.error));
            const imageProblem = imageFileProblem(result.data.image);
            if (imageProblem !== undefined) {
              throw new ArticleError(describeProblems(file, [{ field: "image", message: imageProblem }]));
            }
            resolve(result.data as unknown as TData);
          }),
      });
      // Astro's glob loader logs a body that fails to render and stores the article without it;
      // an article without its text must not be published. The entry leaves the store so that
      // the next build renders it again.
      for (const [id, entry] of context.store.entries()) {
        if (entry.rendered !== undefined) continue;
        context.store.delete(id);
        throw new ArticleError(
          `Article invalide : ${entry.filePath ?? id}\n  - le texte (Markdown) n’a pas pu être rendu : voir l’erreur ci-dessus`,
        );
      }
    },
  };
}
