/** Reading time shown under article titles. */
import { SITE } from "../config.ts";

/**
 * Words of a Markdown body as readers see them: no editor's notes (<!-- … -->, never published), no
 * code blocks (``` or ~~~), no markup nor link targets; « États-Unis » is one word.
 */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/<!--[\s\S]*?(?:-->|$)/g, " ")
    .replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[`~]*[ \t]*$|(?![\s\S]))/gm, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/<[^>]+>/g, " ")
    .replace(/[#>*_`~[\]|]|(?<![\p{L}\p{N}])-|-(?![\p{L}\p{N}])/gu, " ");
  return text.split(/[\s\u00a0\u202f]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Minutes to read a body, rounded up, at least 1. */
export function readingMinutes(markdown: string, wordsPerMinute: number = SITE.wordsPerMinute): number {
  return Math.max(1, Math.ceil(countWords(markdown) / wordsPerMinute));
}

/** "3 min de lecture". */
export function readingTimeLabel(minutes: number): string {
  return `${minutes}\u00a0min de lecture`;
}
