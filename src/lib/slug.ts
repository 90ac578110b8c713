/** URL slugs: lower-case ASCII words joined by hyphens, and the path parts they are read from. */

/** Pattern every article file name and URL slug must match. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Letters without their accents: "Réseaux sociaux" → "Reseaux sociaux", "Œuvre" stays "Œuvre" (a ligature, not an accent). */
export function withoutAccents(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/**
 * "Réseaux sociaux & IA" → "reseaux-sociaux-ia"; "L’été" → "l-ete"; a + or # after a name is a
 * word ("C++" → "c-plus-plus", "C#" → "c-sharp", "Canal+" → "canal-plus"), so that C, C++ and C#
 * keep three addresses.
 */
export function slugify(text: string): string {
  return withoutAccents(text.replace(/(?<=[\p{L}\p{N}+])\+/gu, " plus ").replace(/(?<=\p{L})#/gu, " sharp "))
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** A path part as an editor wrote it (%C3%A9 as é), or as it is when it is not valid percent-encoding. */
export function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
