/**
 * Between the parts of a page's title, most particular first: "Rechercher — Digimedia", and
 * "« Tencent » — Rechercher — Digimedia" once the search page runs a search. Plain code: the
 * search page's script uses it too.
 */
export const TITLE_SEPARATOR = " — ";
