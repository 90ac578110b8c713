/**
 * Whether Pagefind really found a search's words. Pagefind 1.6 looks for the words of the index
 * that start with each word of the query; when none does, it takes the longest word of the index
 * that the query's word starts with (pagefind_web, find_word_extensions): « allibaba » finds every
 * « a » and « à », « États-Unis » every « et », « Ant » every « an ». A word with no such word at all
 * is dropped from the search without a word (« allibaba orange » lists the articles about Orange).
 * The search page reads the first result (every result holds a match for each word the index kept):
 * a word of the query that none of its matched words, title or tags answer was not found. Plain code:
 * the search page's script imports it.
 */

/** Text as Pagefind compares it: lower case, without accents or punctuation (« l’Arcep » → larcep). */
export function searchForm(text: string): string {
  return text
    .toLocaleLowerCase("fr-FR")
    .normalize("NFD")
    .replace(/[\p{M}\p{P}]/gu, "");
}

/**
 * Whether a word of a page answers a word of the query (both in searchForm): it starts with it, as
 * Pagefind reads a word being typed (« tenc », Tencent), or shares most of its letters, for the French
 * endings the index stems away (« chinoises » finds « chinois »). The longest word of the index that a
 * word not found starts with is most often a short one (« a », « et », « an »), which shares too few.
 */
function answers(word: string, term: string): boolean {
  let common = 0;
  while (common < term.length && term[common] === word[common]) common++;
  return common === term.length || common >= Math.max(3, term.length * 0.6);
}

/**
 * The words of `query` (as typed) that none of `pageWords` answers: the words of the first result that
 * Pagefind matched, with its metadata (title, tags). A page's word counts whole and by its parts
 * (« l'Arcep » answers « Arcep », « États-Unis » answers « unis »).
 */
export function wordsNotFound(query: string, pageWords: readonly string[]): string[] {
  const candidates = pageWords.flatMap((word) => [word, ...word.split(/\p{P}+/u)].map(searchForm));
  return query.split(/\s+/u).filter((typed) => {
    const term = searchForm(typed);
    return term !== "" && !candidates.some((word) => answers(word, term));
  });
}
