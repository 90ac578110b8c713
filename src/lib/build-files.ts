/**
 * A build's files made outside Astro's page pipeline, by address on the site → the made file (in its cache), once
 * made: the article social images ("/og/<slug>-<key>.png", urls.ts) and the photo copies
 * ("/_photos/images/photo-1a2b3c4d-800.jpg", photo-copies.ts). Through Astro's pages, each cost a whole page pass on
 * the main thread (and a second copy of the file in the incremental cache). Their integration opens a registry
 * when a build starts (src/integrations/social-images.ts, photo-copies.ts), the route hands it each file's making
 * (src/pages/og/[slug].png.ts, src/pages/_photos/[...copy].ts), and the integration puts the files in dist when the
 * build is done. Where no build opened it (the dev server), the route serves each file on request.
 * The route runs in Astro's bundle and the integration in the config's module graph, each with its own copy of this
 * module, so a registry lives on globalThis.
 */

/** Address on the site → the made file. */
export type BuildFiles = Map<string, Promise<string>>;

/** One kind of build files. */
export interface BuildRegistry {
  /** The registry of the build under way, or undefined outside a build. */
  current(): BuildFiles | undefined;
  /** Opens it for a build (integration, astro:build:start). */
  open(): BuildFiles;
  /** Closes it once its files are written (integration, astro:build:done). */
  close(): void;
}

function buildRegistry(name: string): BuildRegistry {
  const key = Symbol.for(`digimedia.${name}`);
  const holder = globalThis as Record<symbol, BuildFiles | undefined>;
  return {
    current: () => holder[key],
    open: () => (holder[key] = new Map()),
    close: () => {
      holder[key] = undefined;
    },
  };
}

/** The article social images (the og route draws them in a worker thread, social-image.ts). */
export const buildCards = buildRegistry("build-cards");

/** The photo copies that published pages show (photo-resize.ts makes them). */
export const buildPhotos = buildRegistry("build-photos");
