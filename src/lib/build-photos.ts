/**
 * A build's photo copies, by address ("/_photos/images/photo-1a2b3c4d-800.jpg"), like the social images
 * of build-cards.ts: the photo-copies integration opens this registry when a build starts, the copies
 * route (src/pages/_photos/[...copy].ts) hands it the copies that published pages show, and the
 * integration puts them in dist when the build is done. Where no build opened it (the dev server),
 * the route serves each copy on request. The route and the integration each have their own copy of
 * this module (Astro's bundle, the config's module graph), so the registry lives on globalThis.
 */
const KEY = Symbol.for("digimedia.build-photos");

/** Address of a copy on the site → its file (in the photo copy cache), once made. */
export type BuildPhotos = Map<string, Promise<string>>;

const holder = globalThis as Record<symbol, BuildPhotos | undefined>;

/** The registry of the build under way, or undefined outside a build. */
export const buildPhotos = (): BuildPhotos | undefined => holder[KEY];

/** Opens the registry for a build (integration, astro:build:start). */
export function openBuildPhotos(): void {
  holder[KEY] = new Map();
}

/** Closes it once its copies are written (integration, astro:build:done). */
export function closeBuildPhotos(): void {
  holder[KEY] = undefined;
}
