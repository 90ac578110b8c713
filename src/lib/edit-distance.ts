/**
 * How many keystrokes make one text into another: for a field name typed with a slip (article-schema.ts) and a mail
 * domain typed wrong (likelyTypo, newsletter/email.ts). Plain code: the server's bundle carries it.
 */

/**
 * Letters inserted or deleted (1 each), replaced (`replace`, 1 by default: Levenshtein), and, with `swap`, two
 * neighbours swapped (1: « gmial » → « gmail », optimal string alignment).
 */
export function editDistance(a: string, b: string, { swap = false, replace = 1 } = {}): number {
  let before: number[] = [];
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(
        (row[j] ?? 0) + 1,
        (next[j - 1] ?? 0) + 1,
        (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : replace),
      );
      if (swap && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      next[j] = best;
    }
    before = row;
    row = next;
  }
  return row[b.length] ?? 0;
}
