/**
 * The smaller copies of the photos published pages show (/_photos/…, photo-copies.ts). Its folder starts
 * with _ so that Astro does not route it by its file name: the photo-copies integration gives it its address.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { GetStaticPaths } from "astro";
import { SITE } from "../../config.ts";
import { getSite, photoCopiesOf } from "../../lib/articles.ts";
import { buildPhotos } from "../../lib/build-files.ts";
import { imageType } from "../../lib/image-types.ts";
import { PHOTO_COPY_FOLDER, type PhotoCopy } from "../../lib/photo-copies.ts";
import { copyFiles } from "../../lib/photo-resize.ts";

export const getStaticPaths = (async () => {
  const { articles } = await getSite();
  const copies = articles.flatMap(photoCopiesOf);
  const photos = buildPhotos.current();
  // Dev server: each copy is made when asked for.
  if (photos === undefined)
    return copies.map((copy) => ({
      params: { copy: decodeURIComponent(copy.url.slice(PHOTO_COPY_FOLDER.length + 1)) },
      props: { copy },
    }));
  // A build makes every copy now, while the pages render (or finds it in its cache), and the
  // integration (src/integrations/photo-copies.ts) puts them in dist: no page to render here.
  for (const [url, file] of copyFiles(copies, resolve(SITE.publicDir))) photos.set(url, file);
  return [];
}) satisfies GetStaticPaths;

/** The copy, made on request. */
export async function GET({ props }: { props: { copy: PhotoCopy } }): Promise<Response> {
  const [file] = copyFiles([props.copy], resolve(SITE.publicDir)).values();
  const bytes = await readFile((await file) ?? "");
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": imageType(props.copy.source) ?? "application/octet-stream" },
  });
}
