/**
 * A build's article social images, by address ("/og/<slug>-<key>.png", urls.ts). They do not go through
 * Astro's page pipeline, where each cost a whole page pass on the main thread (and a second copy
 * of the file in the incremental cache): the social-images integration opens this registry when a
 * build starts, the og route hands it each card's drawing (a worker thread, see social-image.ts),
 * and the integration puts the drawn files in dist when the build is done.
 * Where no build opened it (the dev server), the route serves each card on request.
 * The route runs in Astro's bundle and the integration in the config's module graph, each with its
 * own copy of this module, so the registry lives on globalThis.
 */
const KEY = Symbol.for("digimedia.build-cards");

/** Address of the image on the site → the drawn file (in the social image cache). */
export type BuildCards = Map<string, Promise<string>>;

const holder = globalThis as Record<symbol, BuildCards | undefined>;

/** The registry of the build under way, or undefined outside a build. */
export const buildCards = (): BuildCards | undefined => holder[KEY];

/** Opens the registry for a build (integration, astro:build:start). */
export function openBuildCards(): BuildCards {
  const cards: BuildCards = new Map();
  holder[KEY] = cards;
  return cards;
}

/** Closes it once its cards are written (integration, astro:build:done). */
export function closeBuildCards(): void {
  holder[KEY] = undefined;
}
