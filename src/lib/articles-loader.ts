/**
 * The articles' content loader: Astro's glob loader plus three things it does not do.
 * 1. Front matter is re-read with YAML's core schema, so dates stay strings and a date
 *    without offset can be read as Paris time (js-yaml would read it as UTC).
 * 2. Errors are French and name the file and the field.
 * 3. The slug is the file name, checked, and two files with one slug fail the build.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, relative, isAbsolute } from "node:path";
import { fileURLToPath } from "node:url";
import { extractFrontmatter } from "@astrojs/markdown-remark";
import yaml from "js-yaml";
import { glob, type Loader, type ParseDataOptions } from "astro/loaders";
import { articleSchema, describeIssues, describeProblems } from "./article-schema.ts";
import { bodyProblems, dateProblems, imageFileProblem } from "./article-checks.ts";
import { formatDateTime } from "./dates.ts";
import { frenchNumber } from "./french-numbers.ts";
import { buildTime } from "./publishing.ts";
import { SLUG_PATTERN } from "./slug.ts";

/** Raised for an article the site cannot publish; its message is meant for editors. */
export class ArticleError extends Error {
  override name = "ArticleError";
  // The message says everything an editor needs: no stack trace of our code under it (Astro prints one when present).
  override stack = "";
  /**
   * Always none. Astro sets a hint on the errors it prints, guessed from their words: « window » or
   * « document » in a message (windows-11.md, « un document ») gets an English one about browser APIs.
   */
  get hint(): undefined {
    return undefined;
  }
  set hint(_guess: unknown) {
    // Astro's guess is dropped: the message says what to do, in French.
  }
}

/** The text of an article file, which must be UTF-8 (a BOM is dropped). */
function readArticleText(file: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new ArticleError(
      `Article invalide : ${file}\n  - le fichier n’est pas en UTF-8 (ses lettres accentuées seraient illisibles) : réenregistrez-le en UTF-8 dans votre éditeur`,
    );
  }
}

/** Fields whose value is prose, where a " #" is a title's "#1" far more often than a comment. */
const TEXT_FIELDS = new Set(["title", "description", "author", "imageAlt"]);
const FIELD_LINE = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$/;
const LIST_ITEM = /^[ \t]+-[ \t]+(.*)$/;
/**
 * Unquoted text holding " #" then a letter or digit ("#1", "#MeToo"): YAML ends the value there.
 * "# " with a space is how a comment is written on purpose ("author: La rédaction # par défaut").
 */
const CUT_TEXT = /^([^"'\s[{|>#].*?)[ \t]#\S/;

/**
 * Problems of the raw front matter that YAML reads without a word but not as the editor meant: a
 * text field or a tag whose unquoted text holds " #1" ("title: Le langage #1" reads "Le langage").
 * A comment after a date, a category or a flag ("draft: false # pas encore") is left alone.
 */
function silentYamlProblems(raw: string): string[] {
  let field = "";
  return raw.split(/\r?\n/).flatMap((line) => {
    const top = FIELD_LINE.exec(line);
    let value: string;
    let example: (quoted: string) => string;
    if (top !== null) {
      field = top[1] ?? "";
      if (!TEXT_FIELDS.has(field)) return [];
      value = top[2] ?? "";
      example = (quoted) => `${field}: ${quoted}`;
    } else {
      const item = LIST_ITEM.exec(line);
      if (item === null || field !== "tags") return [];
      value = item[1] ?? "";
      example = (quoted) => `- ${quoted}`;
    }
    if (!CUT_TEXT.test(value)) return [];
    const quoted = `"${value.trim().replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
    return [
      `champ « ${field} » : « #… » après une espace commence un commentaire YAML, et le texte s’arrêterait avant ; mettez-le entre guillemets droits : ${example(quoted)}`,
    ];
  });
}

/** What a YAML error most likely means, from the line it points at. */
function yamlHint(raw: string, error: unknown): string {
  const line = (error as { mark?: { line?: number } }).mark?.line;
  // The line pointed at, or the last written line before it (YAML may point past it).
  const text =
    line === undefined
      ? ""
      : (raw
          .split(/\r?\n/)
          .slice(0, line + 1)
          .findLast((l) => l.trim() !== "") ?? "");
  const field = FIELD_LINE.exec(text);
  if (field === null) {
    // Prose where a field should be: the closing --- is missing, so the text was read as front matter.
    return text.trim() !== "" && !/^\s*(?:-|#)/.test(text)
      ? "\n    la ligne --- qui ferme le front matter manque-t-elle ? elle suit le dernier champ, avant le texte"
      : "";
  }
  const [, name = "", value = ""] = field;
  if (/^"[^"]*"\s*\S/.test(value)) {
    return `\n    champ « ${name} » : un texte qui commence par des guillemets droits doit finir par eux ; écrivez « » directement, ou entourez tout le texte de guillemets simples : ${name}: '${value.trim()}'`;
  }
  // The commonest case: a title typed as French writes it, "Titre : sous-titre", which YAML reads as a new field.
  return /:\s/.test(value)
    ? `\n    champ « ${name} » : un texte qui contient « : » s’écrit entre guillemets droits, par exemple : ${name}: "Titre : sous-titre"`
    : "";
}

/** Front matter of a file, with YAML's core schema (dates kept as strings). */
export function readFrontMatter(file: string): Record<string, unknown> {
  const text = readArticleText(file);
  const raw = extractFrontmatter(text);
  if (raw === undefined) {
    if (/^---[ \t]*\r?\n/.test(text)) {
      throw new ArticleError(
        `Article invalide : ${file}\n  - front matter non fermé : ajoutez une ligne --- après le dernier champ, avant le texte`,
      );
    }
    return {};
  }
  // YAML refuses tabs before a field or a list item, in English; an editor's text editor may put them there.
  const tabbed = raw.split(/\r?\n/).findIndex((line) => /^ *\t/.test(line));
  if (tabbed >= 0) {
    throw new ArticleError(
      `Article invalide : ${file}\n  - front matter, ligne ${String(text.slice(0, text.indexOf(raw)).split("\n").length + tabbed)} : une tabulation en début de ligne ; YAML n’accepte que des espaces : remplacez-la par deux espaces`,
    );
  }
  const silent = silentYamlProblems(raw);
  if (silent.length > 0)
    throw new ArticleError(`Article invalide : ${file}\n${silent.map((p) => `  - ${p}`).join("\n")}`);
  try {
    const data = yaml.load(raw, { schema: yaml.CORE_SCHEMA });
    return data !== null && typeof data === "object" ? (data as Record<string, unknown>) : {};
  } catch (error) {
    const reason = (error as Error).message;
    throw new ArticleError(
      `Article invalide : ${file}\n  - front matter YAML illisible : ${reason}${yamlHint(raw, error)}`,
    );
  }
}

/** Extensions an editor may give a Markdown file; only ".md" is read. */
const MARKDOWN_LOOKALIKE = /\.(?:md|markdown|mdown|mkdn?|mdx)$/i;

/** An article file of a folder, with its front matter as written. */
export interface ArticleFile {
  /** The file as an editor reads its path (in messages). */
  file: string;
  slug: string;
  data: Record<string, unknown>;
}

/**
 * Every article file under `dir` (names starting with _ are skipped) with its front matter. A file
 * that cannot be read, or that looks like an article but would not be read (".MD", ".markdown"),
 * is a problem; all of them are reported at once, in one ArticleError.
 */
export function readArticleFolder(dir: string): ArticleFile[] {
  const files: ArticleFile[] = [];
  const problems: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith("_")) continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".md")) {
        try {
          const file = displayPath(full);
          files.push({ file, slug: basename(entry.name, ".md"), data: readFrontMatter(file) });
        } catch (error) {
          if (!(error instanceof ArticleError)) throw error;
          problems.push(error.message);
        }
      } else if (MARKDOWN_LOOKALIKE.test(entry.name)) {
        problems.push(
          `Article invalide : ${displayPath(full)}\n  - nom de fichier : seuls les fichiers .md sont publiés ; renommez-le en ${entry.name.replace(MARKDOWN_LOOKALIKE, ".md")} (ou faites commencer son nom par _ pour qu’il soit ignoré)`,
        );
      }
    }
  };
  walk(dir);
  if (problems.length === 0) return files;
  // The build stops here, before the loader checks the others: their front matter is checked now, so that
  // one unreadable file does not hide the rest (the texts, rendered later, are checked in the next build).
  for (const { file, data } of files) {
    const result = articleSchema.safeParse(data);
    if (!result.success) problems.push(describeIssues(file, result.error));
  }
  throw new ArticleError(
    (problems.length > 1 ? `${String(problems.length)} articles à corriger :\n` : "") + problems.join("\n"),
  );
}

/** A path as an editor reads it: relative to the project when inside it. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") || isAbsolute(rel) ? file : rel;
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
      const publicDir = fileURLToPath(
        (context.config as { publicDir?: URL }).publicDir ?? new URL("public/", context.config.root),
      );
      const shown = (filePath: string): string => displayPath(fileURLToPath(new URL(filePath, context.config.root)));
      const now = buildTime();
      // Every article's problems, reported together once the folder is read: an editor fixes them in one go.
      const problems = new Map<string, string>();
      // After the first load (astro dev, a file saved), Astro's watcher calls parseData for that file
      // alone: its problem is thrown, and Astro logs it and keeps the article as it was.
      let loaded = false;
      await inner.load({
        ...context,
        parseData: <TData extends Record<string, unknown>>(props: ParseDataOptions<TData>): Promise<TData> => {
          const file = props.filePath === undefined ? props.id : displayPath(props.filePath);
          try {
            const data = props.filePath === undefined ? props.data : (readFrontMatter(file) as TData);
            // The collection's schema, checked once here (Astro's own parseData would check it again).
            const result = articleSchema.safeParse(data);
            if (!result.success) throw new ArticleError(describeIssues(file, result.error));
            const { image } = result.data;
            const imageProblem = image === undefined ? undefined : imageFileProblem(image, publicDir);
            if (imageProblem !== undefined) {
              throw new ArticleError(describeProblems(file, [{ field: "image", message: imageProblem }]));
            }
            return Promise.resolve(result.data as unknown as TData);
          } catch (error) {
            if (!(error instanceof ArticleError) || loaded) throw error;
            // Stored for now (its text is rendered like the others'), taken out below.
            problems.set(props.id, error.message);
            return Promise.resolve(props.data);
          }
        },
      });
      loaded = true;
      // Links of the texts are checked against the folder: a slug to a draft, to no file, or to an
      // article scheduled after the one that links to it is a 404 for its readers.
      const site = {
        publicDir,
        now,
        articles: new Map(
          [...context.store.entries()].map(([id, entry]) => {
            const { draft, date } = entry.data as { draft?: boolean; date?: Date };
            return [id, draft === true || !(date instanceof Date) ? "draft" : date] as const;
          }),
        ),
      };
      const scheduled: { file: string; date: Date }[] = [];
      for (const [id, entry] of context.store.entries()) {
        if (problems.has(id)) continue;
        const file = shown(entry.filePath ?? id);
        // Astro's glob loader logs a body that fails to render and stores the article without it;
        // an article without its text must not be published.
        if (entry.rendered === undefined) {
          problems.set(
            id,
            `Article invalide : ${file}\n  - le texte (Markdown) n’a pas pu être rendu : voir l’erreur ci-dessus`,
          );
          continue;
        }
        const data = entry.data as { draft?: boolean; date?: Date; updated?: Date };
        if (data.draft === true) continue;
        const found = [
          ...bodyProblems(
            entry.body ?? "",
            {
              html: entry.rendered.html,
              headings: entry.rendered.metadata?.headings ?? [],
              localImagePaths: entry.rendered.metadata?.localImagePaths as string[] | undefined,
            },
            site,
            data.date instanceof Date ? data.date : undefined,
          ),
          ...(data.date instanceof Date ? dateProblems(data.date, data.updated, now) : []),
        ];
        if (found.length > 0) problems.set(id, describeProblems(file, found));
        // Held back by this build, and said so below: when each will appear (the first build after its date).
        else if (data.date instanceof Date && data.date.getTime() > now.getTime())
          scheduled.push({ file, date: data.date });
      }
      if (scheduled.length > 0) {
        scheduled.sort((a, b) => a.date.getTime() - b.date.getTime());
        const one = scheduled.length === 1;
        context.logger.info(
          `${one ? "Article programmé (paraît" : `${frenchNumber(scheduled.length)} articles programmés (paraissent`} au premier build après ${one ? "sa" : "leur"} date) :\n` +
            scheduled.map((a) => `  - ${a.file} : ${formatDateTime(a.date)}`).join("\n"),
        );
      }
      if (problems.size === 0) return;
      // Out of the store, so that the next build reads them again.
      for (const id of problems.keys()) context.store.delete(id);
      const count = problems.size > 1 ? `${String(problems.size)} articles à corriger :\n` : "";
      throw new ArticleError(count + [...problems.values()].join("\n"));
    },
  };
}
