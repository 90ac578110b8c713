import { cachedSocialImage, SITE_IMAGE_SPEC, SOCIAL_IMAGE_CACHE } from "../../lib/social-image.ts";

/** The site's social image, for pages that are not articles. */
export async function GET(): Promise<Response> {
  const png = await cachedSocialImage(SITE_IMAGE_SPEC, SOCIAL_IMAGE_CACHE);
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
}
