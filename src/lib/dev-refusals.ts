/**
 * The article files `npm run dev` refused since it started: saved with a problem a build would stop on.
 * Astro's watcher syncs a saved file alone and only logs what goes wrong in the terminal, so the browser went on
 * showing the last accepted version (a new file: no page at all) without a word. The articles' loader records
 * here what it refuses (articles-loader.ts); every page shows the list at the foot of the window
 * (src/components/RefusedArticles.astro), and the dev server reloads the open pages when it changes
 * (src/integrations/dev-preview.ts).
 *
 * One list per process, on globalThis: the loader runs in Astro's own module graph and the pages in Vite's module
 * runner, each with its own copy of this module, in the same process.
 */

export interface Refusal {
  /** The article file, absolute. */
  path: string;
  /** The « Article invalide » block: the file as an editor reads its path, then each problem. */
  message: string;
  /**
   * What the site shows of the file: "earlier", its version from before this save; "none", nothing (a new file,
   * a name refused, or a file refused since the server started); "this", this version, which a build would refuse
   * (a problem of its text, found once rendered).
   */
  shown: Shown;
  /** A draft (draft: true): a build leaves it out, with a warning, instead of stopping on it. */
  draft?: boolean;
}

/** What the site shows of a refused file (Refusal.shown). */
export type Shown = "earlier" | "none" | "this";

interface Registry {
  readonly byPath: Map<string, Refusal>;
  readonly listeners: Set<() => void>;
}

const KEY = Symbol.for("digimedia.dev-refusals");

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  const known = holder[KEY];
  if (known !== undefined) return known;
  const made: Registry = { byPath: new Map(), listeners: new Set() };
  holder[KEY] = made;
  return made;
}

/** Records that the file was refused, replacing what was recorded for it (listeners hear it at the end of `resync`). */
export function refuse(refusal: Refusal): void {
  registry().byPath.set(refusal.path, refusal);
}

/**
 * Runs the watcher's sync of one file (saved, added or deleted): what was recorded for it is forgotten, and what
 * the sync refuses recorded. The listeners hear it when that changes what the pages show.
 */
export async function resync(path: string, sync: () => Promise<void>): Promise<void> {
  const { byPath, listeners } = registry();
  const before = byPath.get(path);
  byPath.delete(path);
  try {
    await sync();
  } finally {
    const after = byPath.get(path);
    if (before?.message !== after?.message || before?.shown !== after?.shown || before?.draft !== after?.draft)
      for (const listener of listeners) listener();
  }
}

/** What is recorded for the file, if anything. */
export function refusalOf(path: string): Refusal | undefined {
  return registry().byPath.get(path);
}

/** The refused files, by path. */
export function refusals(): Refusal[] {
  return [...registry().byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Calls `listener` each time the list changes; returns what stops it. */
export function onRefusalsChange(listener: () => void): () => void {
  const { listeners } = registry();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
