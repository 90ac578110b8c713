/**
 * The article files of a folder, read before Astro's content layer does (astro.config.mjs, for the sitemap): their
 * names (an address, not twice, only ".md"), their front matters, and the problems found, one « Article invalide »
 * block per file (Problems), which the articles' loader reports the same way (articles-loader.ts).
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative } from "node:path";
import { checkFrontMatter } from "./article-schema.ts";
import { ArticleError, invalidArticle, readFrontMatter } from "./front-matter.ts";
import { countAtStart, frenchCount } from "./french-numbers.ts";
import { SLUG_PATTERN, slugify } from "./slug.ts";

/** Extensions an editor may give a Markdown file; only ".md" is read. */
const MARKDOWN_LOOKALIKE = /\.(?:md|markdown|mdown|mkdn?|mdx)$/i;

/** The name a file should have, in the slug's rules (« Mon Article » → mon-article); the name itself if none. */
const slugOrName = (name: string): string => (SLUG_PATTERN.test(name) ? name : slugify(name) || name);

/** An article file of a folder, with its front matter as written. */
export interface ArticleFile {
  /** The file as an editor reads its path (in messages). */
  file: string;
  slug: string;
  data: Record<string, unknown>;
}

/** Problems of a folder's articles: one « Article invalide » block per file, whatever order they are found in. */
export class Problems {
  readonly #byFile = new Map<string, string>();
  /** Adds an « Article invalide » block; the lines of a file already listed go under its heading. */
  add(key: string, block: string): void {
    const known = this.#byFile.get(key);
    this.#byFile.set(key, known === undefined ? block : known + block.slice(block.indexOf("\n")));
  }
  has(key: string): boolean {
    return this.#byFile.has(key);
  }
  get size(): number {
    return this.#byFile.size;
  }
  keys(): string[] {
    return [...this.#byFile.keys()];
  }
  /** The « Article invalide » block of one file. */
  block(key: string): string | undefined {
    return this.#byFile.get(key);
  }
  /** All of them in one error, counted when there are several. */
  error(): ArticleError {
    const count =
      this.#byFile.size > 1 ? `${frenchCount(this.#byFile.size, "article à corriger", "articles à corriger")} :\n` : "";
    return new ArticleError(count + [...this.#byFile.values()].join("\n"));
  }
  /** All of them as drafts a build leaves out, for a warning. */
  warning(): string {
    const one = this.#byFile.size === 1;
    const heading = `${countAtStart(this.#byFile.size, "brouillon à corriger", "brouillons à corriger")} avant ${one ? "sa" : "leur"} publication (ce build ${one ? "le" : "les"} laisse de côté) :`;
    return [heading, ...this.#byFile.values()].join("\n");
  }
}

/**
 * What is wrong with the name of an article file: no address can be made of it, or `owner` has its slug. `folder`
 * is the file's folder within the articles' folder ("." for the articles' folder itself).
 */
export function fileNameProblem(
  file: string,
  slug: string,
  owner: string | undefined,
  folder: string,
): string | undefined {
  // « mon-article/index.md », the habit of other site generators, would be published at /articles/index/.
  if (slug === "index") {
    const named = folder === "." || folder === "" ? "" : slugify(basename(folder));
    const fix =
      named === ""
        ? "donnez-lui le nom de l’article, les mots de son titre par exemple (ex. tencent-et-ant-group.md)"
        : `renommez-le en ${named}.md`;
    return invalidArticle(file, [
      `nom de fichier : « index » donnerait l’adresse /articles/index/, l’adresse d’un article venant du nom de son fichier, pas de son dossier ; ${fix}`,
    ]);
  }
  if (!SLUG_PATTERN.test(slug)) {
    // The name npm run new would give it, from the same words.
    const meant = slugify(slug);
    const fix =
      meant === ""
        ? "donnez-lui un nom fait de lettres ou de chiffres, les mots de son titre par exemple (ex. tencent-et-ant-group.md)"
        : `renommez-le en ${meant}.md`;
    return invalidArticle(file, [
      `nom de fichier : « ${slug} » doit être en minuscules sans accents, mots séparés par des tirets ; ${fix}`,
    ]);
  }
  return owner === undefined
    ? undefined
    : invalidArticle(file, [
        `slug en double « ${slug} » : déjà utilisé par ${owner} ; renommez l’un des deux fichiers`,
      ]);
}

/** Stops, in French, when `dir` is not a folder (CONTENT_DIR mistyped). */
export function checkArticleFolder(dir: string): void {
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory() !== true) {
    throw new ArticleError(
      `Dossier des articles introuvable : ${dir}\n  - ce chemin ne mène à aucun dossier : corrigez CONTENT_DIR (par défaut content/articles) ou créez le dossier`,
    );
  }
}

/** What is wrong with a file named like Markdown that would not be read (".MD", ".markdown"), if it is one. */
export function lookalikeProblem(path: string): string | undefined {
  const name = basename(path);
  if (name.endsWith(".md") || !MARKDOWN_LOOKALIKE.test(name)) return undefined;
  return invalidArticle(displayPath(path), [
    `nom de fichier : seuls les fichiers .md sont publiés ; renommez-le en ${slugOrName(name.replace(MARKDOWN_LOOKALIKE, ""))}.md (ou faites commencer son nom par _ pour qu’il soit ignoré)`,
  ]);
}

/** The files under `dir`, a folder after the files before it, skipping names (of files or folders) that start with _. */
function folderFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith("_"))
    .flatMap((entry) => {
      const full = join(dir, entry.name);
      return entry.isDirectory() ? folderFiles(full) : [full];
    });
}

/** The article file under `dir`, in any of its folders, whose address is /articles/`slug`/, if there is one. */
export function articleFileOf(dir: string, slug: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  return folderFiles(dir).find((full) => full.endsWith(".md") && basename(full, ".md") === slug);
}

/** The files under `dir` named like Markdown that would not be read (names starting with _ skipped): path → problem. */
export function lookalikeFiles(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const path of folderFiles(dir)) {
    const problem = lookalikeProblem(path);
    if (problem !== undefined) found.set(path, problem);
  }
  return found;
}

/**
 * Every article file under `dir` (names starting with _ are skipped) with its front matter. A folder
 * that does not exist, a file that cannot be read, or one that looks like an article but would not be
 * read (".MD", ".markdown"), is a problem; all of them are reported at once, in one ArticleError, with
 * the other files' names and front matters that have one.
 */
export function readArticleFolder(dir: string): ArticleFile[] {
  checkArticleFolder(dir);
  const files: ArticleFile[] = [];
  const unreadable = new Problems();
  // A name no address can be made of is the loader's to report, with the texts' problems, unless the build stops here.
  const misnamed: [file: string, problem: string][] = [];
  const owners = new Map<string, string>();
  for (const full of folderFiles(dir)) {
    if (full.endsWith(".md")) {
      const file = displayPath(full);
      const slug = basename(full, ".md");
      const named = fileNameProblem(file, slug, owners.get(slug), relative(dir, dirname(full)));
      if (named === undefined) owners.set(slug, file);
      else misnamed.push([file, named]);
      try {
        files.push({ file, slug, data: readFrontMatter(file) });
      } catch (error) {
        if (!(error instanceof ArticleError)) throw error;
        unreadable.add(file, error.message);
      }
    } else {
      const problem = lookalikeProblem(full);
      if (problem !== undefined) unreadable.add(displayPath(full), problem);
    }
  }
  if (unreadable.size === 0) return files;
  // The build stops here, before the loader checks the others: their names and front matter are checked now, so
  // that one unreadable file does not hide the rest (the texts, rendered later, are checked in the next build).
  for (const [file, problem] of misnamed) unreadable.add(file, problem);
  for (const { file, data } of files) {
    // A draft's problems do not stop a build (the loader leaves it out, with a warning): not listed with those that do.
    if (data["draft"] === true) continue;
    try {
      checkFrontMatter(file, data);
    } catch (error) {
      if (!(error instanceof ArticleError)) throw error;
      unreadable.add(file, error.message);
    }
  }
  throw unreadable.error();
}

/** A path as an editor reads it: relative to the project when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") || isAbsolute(rel) ? file : rel;
}
