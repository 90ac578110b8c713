/**
 * The articles' content loader: Astro's glob loader plus what it does not do.
 * 1. Front matter is re-read with YAML's core schema, so dates stay strings and a date
 *    without offset can be read as Paris time (js-yaml would read it as UTC): front-matter.ts.
 * 2. Errors are French and name the file and the field.
 * 3. The slug is the file name, checked, and two files with one slug fail the build.
 * 4. Texts are checked once rendered (links, headings, images, dates: article-checks.ts), and titles
 *    carried by several articles are named (a warning); their links to the site are kept for the end of
 *    the build, which follows them in the built site (site-links.ts).
 * 5. A draft whose front matter a build would refuse is left out, with a warning, instead of stopping it.
 * 6. Under astro dev, a file saved with a problem is listed for the pages to say so (dev-refusals.ts); so are
 *    those the server starts with, which it leaves out (or shows, a problem of their text) instead of stopping.
 */
import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ContentEntryType } from "astro";
import { glob, type Loader, type LoaderContext, type ParseDataOptions } from "astro/loaders";
import { checkFrontMatter, describeProblems, type ArticleData } from "./article-schema.ts";
import { displayPath, fileNameProblem, lookalikeFiles, lookalikeProblem, Problems } from "./article-files.ts";
import {
  bodyProblems,
  dateProblems,
  duplicateTitles,
  imageFileProblem,
  siteLinksIn,
  tagSpellings,
} from "./article-checks.ts";
import { refusalOf, refuse, resync, type Shown } from "./dev-refusals.ts";
import { formatPublished } from "./dates.ts";
import type { SiteFacts } from "./link-checks.ts";
import { linkTargets } from "./link-targets.ts";
import { ArticleError, invalidArticle, parseFrontMatter, plainFrontMatter, readFrontMatter } from "./front-matter.ts";
import { frenchNumber } from "./french-numbers.ts";
import { markdownPipelineVersion } from "./markdown.ts";
import { hasStaleCopies } from "./photo-srcset.ts";
import { buildTime, isPublished, isScheduled, type Publishable } from "./publishing.ts";
import { recordSiteLinks, type SiteLink } from "./site-links.ts";

/** What the publishing rules read of a stored article; undefined without a date (its front matter failed its check). */
function publishable(data: unknown): Publishable | undefined {
  const { draft, date } = data as { draft?: unknown; date?: unknown };
  return date instanceof Date ? { data: { draft: draft === true, date } } : undefined;
}

/** An article as Astro's content layer stores it. */
type StoredEntry = NonNullable<ReturnType<LoaderContext["store"]["get"]>>;

/**
 * Astro's file watcher (astro dev), each of whose article events (saved, added, deleted) is a resync
 * (dev-refusals.ts): `check` is called after each sync of a file that is there.
 */
function resyncing(
  watcher: NonNullable<LoaderContext["watcher"]>,
  check: (path: string) => void,
): NonNullable<LoaderContext["watcher"]> {
  const events = new Set(["add", "change", "unlink"]);
  return new Proxy(watcher, {
    get(target, property) {
      if (property === "on")
        return (event: string, listener: (path: string) => unknown) =>
          target.on(
            event,
            events.has(event)
              ? (path: string) =>
                  resync(path, async () => {
                    await listener(path);
                    if (event !== "unlink") check(path);
                  })
              : listener,
          );
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * What the texts' links are checked against: the stored articles. A slug to a draft, to no file, or to an
 * article scheduled after the one that links to it is a 404 for its readers; so is a tag no article out by then
 * has, and an anchor its page lacks leaves the reader at its top.
 */
function siteFacts(store: LoaderContext["store"], publicDir: string, now: Date): SiteFacts {
  return {
    publicDir,
    now,
    ...linkTargets(
      [...store.entries()].map(([id, entry]) => {
        const article = publishable(entry.data);
        const { tags } = entry.data as { tags?: unknown };
        return {
          slug: id,
          date: article === undefined || article.data.draft ? ("draft" as const) : article.data.date,
          tags: Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === "string") : [],
          html: entry.rendered?.html,
        };
      }),
    ),
  };
}

/** What a build at `now` refuses in a stored article once its text is rendered (an « Article invalide » block). */
function textProblem(file: string, entry: StoredEntry, site: SiteFacts, now: Date): string | undefined {
  // Astro's glob loader logs a body that fails to render and stores the article without it;
  // an article without its text must not be published.
  if (entry.rendered === undefined)
    return invalidArticle(file, [
      `le texte (Markdown) n’a pas pu être rendu : voir l’erreur plus haut dans le terminal`,
    ]);
  const { draft, updated } = entry.data as { draft?: boolean; updated?: Date };
  if (draft === true) return undefined;
  const date = publishable(entry.data)?.data.date;
  const found = [
    ...bodyProblems(
      entry.body ?? "",
      {
        html: entry.rendered.html,
        headings: entry.rendered.metadata?.headings ?? [],
        localImagePaths: entry.rendered.metadata?.localImagePaths as string[] | undefined,
      },
      site,
      date,
    ),
    ...(date === undefined ? [] : dateProblems(date, updated, now)),
  ];
  return found.length > 0 ? describeProblems(file, found) : undefined;
}

/** The context Astro's content layer gives a loader: with the entry types the glob loader reads files with. */
type ContentLayerContext = LoaderContext & { entryTypes: Map<string, ContentEntryType> };

/**
 * The entry types Astro hands the glob loader, which this loader wraps (their getEntryInfo reads a file's header):
 * not part of Astro's public API. An Astro that stops giving them stops the build with this sentence, rather than
 * with « undefined is not iterable » from deep inside the content layer.
 */
function entryTypesOf(context: LoaderContext): Map<string, ContentEntryType> {
  const entryTypes: unknown = (context as Partial<ContentLayerContext>).entryTypes;
  if (!(entryTypes instanceof Map))
    throw new Error(
      "articles-loader\u00a0: Astro ne donne plus au chargeur ses types d’entrées (context.entryTypes), dont il lit l’en-tête des articles\u00a0; après une mise à jour d’Astro, voyez src/lib/articles-loader.ts.",
    );
  return entryTypes as Map<string, ContentEntryType>;
}

/** Where the loader's meta store keeps the version of the Markdown pipeline its stored bodies were rendered with. */
const PIPELINE_META = "markdown-pipeline";

/** Articles from `base` ("content/articles" or an absolute folder); files starting with _ are ignored. */
export function articlesLoader(base: string): Loader {
  const owners = new Map<string, string>();
  // The problems of the load under way, reported together at its end. Once loaded (astro dev: a file saved,
  // added or renamed), Astro's watcher syncs that file alone: its problem is thrown, and Astro logs it.
  let loading: Problems | undefined;
  const inner = glob({
    pattern: ["**/*.md", "!**/_*", "!**/_*/**"],
    base,
    generateId: ({ entry, base: baseUrl }) => {
      const slug = basename(entry, ".md");
      const shown = (file: string): string => displayPath(join(fileURLToPath(baseUrl), file));
      const owner = owners.get(slug);
      const taken = owner !== undefined && owner !== entry && existsSync(join(fileURLToPath(baseUrl), owner));
      const problem = fileNameProblem(shown(entry), slug, taken ? shown(owner) : undefined, dirname(entry));
      if (problem === undefined) {
        owners.set(slug, entry);
        return slug;
      }
      // astro dev: a file saved or added under a name refused, which the site never showed (dev-refusals.ts).
      if (loading === undefined) {
        refuse({ path: join(fileURLToPath(baseUrl), entry), message: problem, shown: "none" });
        throw new ArticleError(problem);
      }
      // An id no slug can be (it ends in .md): the file is checked like the others, and left out with them.
      loading.add(entry, problem);
      return entry;
    },
  });
  return {
    name: "articles-loader",
    load: async (context) => {
      const publicDir = fileURLToPath(
        (context.config as { publicDir?: URL }).publicDir ?? new URL("public/", context.config.root),
      );
      const shown = (filePath: string): string => displayPath(fileURLToPath(new URL(filePath, context.config.root)));
      // The stored article of the file at `path` (absolute), if the site shows one.
      const storedOf = (path: string): StoredEntry | undefined => {
        const entry = context.store.get(basename(path, ".md"));
        return entry?.filePath !== undefined && fileURLToPath(new URL(entry.filePath, context.config.root)) === path
          ? entry
          : undefined;
      };
      // What the site shows of a file whose save it does not take: its version from before, if it has one.
      const before = (path: string): Shown => (storedOf(path) === undefined ? "none" : "earlier");
      const now = buildTime();
      // Every article's problems, reported together once the folder is read: an editor fixes them in one go.
      const problems = new Problems();
      // Articles whose front matter could not be checked: their texts are not checked either.
      const unchecked = new Set<string>();
      // Drafts whose front matter a build would refuse: unfinished by nature, they are left out with a warning
      // instead of stopping the build (and with it every article to publish, a scheduled build's too).
      const drafts = new Problems();
      // astro dev's first load: the files whose header cannot be read (absolute path → « Article invalide » block).
      const unreadable = new Map<string, string>();
      // Astro reads each file's front matter before parseData, with its own YAML and its English errors: it gets the
      // header with the odd spaces ours reads as spaces made ordinary (a no-break space after « title: »), and after
      // the first load (where readArticleFolder has read every file) our checks of a saved file come first.
      const entryTypes = new Map(
        [...entryTypesOf(context)].map(([extension, type]) => [
          extension,
          {
            ...type,
            getEntryInfo: (params: Parameters<ContentEntryType["getEntryInfo"]>[0]) => {
              // A build's first load follows readArticleFolder, which stopped it on a header it cannot read.
              if (loading === undefined || context.watcher !== undefined) {
                const path = fileURLToPath(params.fileUrl);
                try {
                  parseFrontMatter(displayPath(path), params.contents);
                } catch (error) {
                  if (!(error instanceof ArticleError)) throw error;
                  if (loading === undefined) {
                    refuse({ path, message: error.message, shown: before(path) });
                    throw error;
                  }
                  // astro dev's first load: left out with the others (parseData), the server starts.
                  unreadable.set(path, error.message);
                  return type.getEntryInfo({ ...params, contents: "" });
                }
              }
              return type.getEntryInfo({ ...params, contents: plainFrontMatter(params.contents) });
            },
          },
        ]),
      );
      // An article the store keeps unchecked (its front matter as written: a build stopped after saving the store,
      // before taking it out) is read and checked again: Astro's glob loader skips a file it has stored unchanged.
      // So is an article whose body names copies of a photo since replaced (their names hold its hash: photo-srcset.ts).
      for (const [id, entry] of context.store.entries())
        if (publishable(entry.data) === undefined || hasStaleCopies(entry.rendered?.html ?? "", publicDir))
          context.store.delete(id);
      // Bodies stored by another version of the Markdown pipeline (its code changed since) are rendered again.
      const pipeline = markdownPipelineVersion();
      if (context.meta.get(PIPELINE_META) !== pipeline) {
        context.store.clear();
        context.meta.set(PIPELINE_META, pipeline);
      }
      // astro dev, after the first load: Astro's watcher syncs a saved file alone, checking its name and front
      // matter (generateId, parseData above). Its text is checked here once stored (or found stored unchanged):
      // the site shows it, and what a build would refuse in it (dev-refusals.ts).
      const checkSaved = (path: string): void => {
        if (refusalOf(path) !== undefined) return;
        const misnamed = lookalikeProblem(path);
        if (misnamed !== undefined) {
          refuse({ path, message: misnamed, shown: "none" });
          return;
        }
        // Its id is its slug, its name (generateId): a name refused, or taken by another file, was refused above.
        const entry = storedOf(path);
        if (entry === undefined) return;
        const problem = textProblem(displayPath(path), entry, siteFacts(context.store, publicDir, now), now);
        if (problem !== undefined) refuse({ path, message: problem, shown: "this" });
      };
      loading = problems;
      try {
        await inner.load({
          ...context,
          entryTypes,
          ...(context.watcher === undefined ? {} : { watcher: resyncing(context.watcher, checkSaved) }),
          parseData: <TData extends Record<string, unknown>>(props: ParseDataOptions<TData>): Promise<TData> => {
            const file = props.filePath === undefined ? props.id : displayPath(props.filePath);
            const unread = props.filePath === undefined ? undefined : unreadable.get(props.filePath);
            if (unread !== undefined) {
              problems.add(props.id, unread);
              unchecked.add(props.id);
              return Promise.resolve(props.data);
            }
            try {
              const data = props.filePath === undefined ? props.data : (readFrontMatter(file) as TData);
              // The collection's schema, checked once here (Astro's own parseData would check it again).
              const checked = checkFrontMatter(file, data, (image) => imageFileProblem(image, publicDir));
              return Promise.resolve(checked as unknown as TData);
            } catch (error) {
              if (!(error instanceof ArticleError)) throw error;
              const draft = props.data["draft"] === true;
              // After the first load, Astro's watcher calls parseData for one file: Astro logs its problem and
              // keeps the article as it was; astro dev shows it (dev-refusals.ts).
              if (loading === undefined) {
                if (props.filePath !== undefined)
                  refuse({ path: props.filePath, message: error.message, shown: before(props.filePath), draft });
                throw error;
              }
              // astro dev's first load: a draft left out is shown as refused, as once saved.
              if (draft && context.watcher !== undefined && props.filePath !== undefined)
                refuse({ path: props.filePath, message: error.message, shown: "none", draft });
              // Stored for now (its text is rendered like the others'), taken out below.
              (draft ? drafts : problems).add(props.id, error.message);
              unchecked.add(props.id);
              return Promise.resolve(props.data);
            }
          },
        } as ContentLayerContext);
      } finally {
        loading = undefined;
      }
      // astro dev's first load: the files a build would stop on before reading any (readArticleFolder), by path.
      const lookalikes =
        context.watcher === undefined
          ? new Map<string, string>()
          : lookalikeFiles(fileURLToPath(new URL(`${base}/`, context.config.root)));
      for (const [path, problem] of lookalikes) problems.add(path, problem);
      const scheduled: { file: string; date: Date }[] = [];
      // The titles and tags of the articles a build publishes (now or once their date has come), for duplicateTitles
      // and tagSpellings.
      const titled: { file: string; title: string; tags: readonly string[] }[] = [];
      // The links to this site of the articles this build publishes, checked once it is built (site-links.ts).
      const links: SiteLink[] = [];
      const site = siteFacts(context.store, publicDir, now);
      // Articles refused for their text alone (astro dev shows them).
      const refusedText = new Set<string>();
      for (const [id, entry] of context.store.entries()) {
        if (unchecked.has(id)) continue;
        const file = shown(entry.filePath ?? id);
        const problem = textProblem(file, entry, site, now);
        if (problem !== undefined) {
          if (!problems.has(id)) refusedText.add(id);
          problems.add(id, problem);
          continue;
        }
        // Held back by this build, and said so below: when each will appear (the first build after its date).
        const article = publishable(entry.data);
        if (!problems.has(id) && article !== undefined && isScheduled(article, now))
          scheduled.push({ file, date: article.data.date });
        if (article !== undefined && !article.data.draft)
          titled.push({ file, title: (entry.data as ArticleData).title, tags: (entry.data as ArticleData).tags });
        if (article !== undefined && isPublished(article, now) && entry.rendered !== undefined)
          links.push(...siteLinksIn(entry.rendered.html).map((link) => ({ file, ...link })));
      }
      recordSiteLinks(links);
      if (drafts.size > 0) {
        for (const id of drafts.keys()) context.store.delete(id);
        context.logger.warn(drafts.warning());
      }
      if (scheduled.length > 0) {
        scheduled.sort((a, b) => a.date.getTime() - b.date.getTime());
        const one = scheduled.length === 1;
        context.logger.info(
          `${one ? "Article programmé (paraît" : `${frenchNumber(scheduled.length)} articles programmés (paraissent`} au premier build après ${one ? "sa" : "leur"} date) :\n` +
            scheduled.map((a) => `  - ${a.file} : ${formatPublished(a.date)}`).join("\n"),
        );
      }
      if (problems.size === 0) {
        const twins = duplicateTitles(titled);
        if (twins !== undefined) context.logger.warn(twins);
        const spellings = tagSpellings(titled);
        if (spellings !== undefined) context.logger.warn(spellings);
        return;
      }
      // astro dev's first load: the server starts all the same, as an editor may have to preview the others, and its
      // pages list these files as once saved (dev-refusals.ts): a text refused is shown, the others left out.
      if (context.watcher !== undefined) {
        for (const id of problems.keys()) {
          const filePath = context.store.get(id)?.filePath;
          const message = problems.block(id);
          if (!refusedText.has(id)) context.store.delete(id);
          const path = lookalikes.has(id)
            ? id
            : filePath === undefined
              ? undefined
              : fileURLToPath(new URL(filePath, context.config.root));
          if (path !== undefined && message !== undefined)
            refuse({ path, message, shown: refusedText.has(id) ? "this" : "none" });
        }
        context.logger.error(
          `${problems.error().message}\n(npm run dev démarre quand même et le dit au bas de chaque page ; un build s’arrêterait.)`,
        );
        return;
      }
      // Out of the store, so that the next build reads them again.
      for (const id of problems.keys()) context.store.delete(id);
      throw problems.error();
    },
  };
}
