/** Reading time shown under article titles. */
import { SITE } from "../config.ts";

/** Words of a Markdown body, ignoring markup, link targets and code fences' syntax. */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/<[^>]+>/g, " ")
    .replace(/[#>*_`~[\]|-]/g, " ");
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
