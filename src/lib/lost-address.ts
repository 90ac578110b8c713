/**
 * The words of an address that leads nowhere, for the 404 page to look for the article it meant: a link cut
 * short in a mail (« /articles/tencent-et-ant-group-dans-la-ligne-de-mi »), a typo, an old site's address
 * (« /2020/10/12/tencent-ant-group.html »). Plain code, no config import: the 404 page's script ships it.
 */
import { decoded, slugify } from "./slug.ts";

/** The folders of the site's addresses, which name no article. */
const FOLDERS = new Set(["articles", "article", "categorie", "tag", "archives", "page", "amp", "index"]);

/**
 * Words too common to tell articles apart, as a slug spells them (no accents): searched, they would only
 * push the meaningful ones down.
 */
const COMMON = new Set(
  (
    "les des une dans pour par sur aux avec ces qui que quoi est sont son ses leur leurs plus pas nous vous ils " +
    "elle elles mais comme tout tous cette entre sans chez apres avant vers html htm php"
  ).split(" "),
);

/** Two letters that are a word of their own in tech news (« l'IA », « l'UE ») and not a « de » or « la ». */
const SHORT = new Set(["ia", "ai", "ue", "tv", "pc", "os"]);

/** At most this many words: an address rarely names an article with more, and each one narrows the search. */
const MOST = 8;

/**
 * « /articles/tencent-et-ant-group-dans-la-ligne-de-mire/ » → « tencent ant group ligne mire »: the address's
 * words, decoded and without accents as in a slug, without the site's folders, the numbers of dates and
 * pages, words of one or two letters (but « 5g » and « ia ») and the most common ones; "" when none is left.
 */
export function searchWordsOfAddress(pathname: string): string {
  // Not valid percent-encoding: its words are read as typed.
  const words = decoded(pathname)
    .split("/")
    .filter((part) => !FOLDERS.has(part.toLowerCase()))
    .flatMap((part) => slugify(part).split("-"))
    .filter(
      (word) => !/^\d+$/.test(word) && !COMMON.has(word) && (word.length > 2 || /\d/.test(word) || SHORT.has(word)),
    );
  return [...new Set(words)].slice(0, MOST).join(" ");
}
