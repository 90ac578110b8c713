/**
 * French typography for plain text: curly quotes and apostrophes (retext-smartypants, the same
 * engine remark-smartypants runs on article bodies), then the spacing French requires.
 */
import { retext } from "retext";
import retextSmartypants, { type Options as SmartypantsOptions } from "retext-smartypants";
import { frenchSpacing } from "./french-spacing.ts";

export { NBSP, NNBSP, frenchSpacing } from "./french-spacing.ts";

/**
 * Quote settings for smartypants. One character per quote: a string such as "«\u202F" corrupts
 * the surrounding text, so the spaces inside « » are added by frenchSpacing instead.
 */
export const FRENCH_SMARTYPANTS: SmartypantsOptions = {
  openingQuotes: { double: "«", single: "‘" },
  closingQuotes: { double: "»", single: "’" },
  backticks: false,
};

const smartypants = retext().use(retextSmartypants, FRENCH_SMARTYPANTS);

/** The double prime of inches (un écran de 6,3″). */
const DOUBLE_PRIME = "\u2033";
/**
 * Ends a block in text that markPrimes reads across several blocks (remark-primes.ts): a
 * quotation never runs over it.
 */
export const BLOCK_BREAK = "\u2029";

const FIGURE = /\d/u;
const QUOTE_OR_BREAK = /["“”„«»\u2029]/gu;
const LETTER_OR_FIGURE = /[\p{L}\p{N}]/u;
/** What may follow a closing quotation mark. */
const AFTER_CLOSING = /[\s.,;:!?)\]…\u2029]/u;
/** An elided century ('90): at the start of a word, two figures, then no more figures. */
const ELIDED_YEAR = /(^|[\s(«\u2029])'(?=\d{2}(?!\d))/gu;

/** The quote at `at` (a straight ") follows a figure and ends a word: 6,3" or the end of « "Pixel 5" ». */
function mayBeInches(text: string, at: number): boolean {
  return FIGURE.test(text.charAt(at - 1)) && !LETTER_OR_FIGURE.test(text.charAt(at + 1));
}

/** The quote at `at` (a straight ") can close a quotation: it follows a word and ends one. */
function canClose(text: string, at: number): boolean {
  const before = text.charAt(at - 1);
  const after = text.charAt(at + 1);
  return before !== "" && !/\s/u.test(before) && before !== BLOCK_BREAK && (after === "" || AFTER_CLOSING.test(after));
}

/**
 * Characters after which a straight " opens a quotation though it touches them: « l’ex-"Twitter" »,
 * « L’"IA" », « —"Bonjour" ». smartypants would read it as closing (a quote after a word's end).
 */
const JOINS_OPENING = /[-‐–—'’/]/u;

/** The quote at `at` opens a quotation that touches the word before it (JOINS_OPENING). */
function opensAfterJoiner(text: string, at: number): boolean {
  const after = text.charAt(at + 1);
  return JOINS_OPENING.test(text.charAt(at - 1)) && after !== "" && !/[\s\u2029]/u.test(after);
}

/** The quote at `at` can open a quotation: it starts a word. */
function canOpen(text: string, at: number): boolean {
  const before = text.charAt(at - 1);
  const after = text.charAt(at + 1);
  return (before === "" || /[\s(\u2029]/u.test(before)) && after !== "" && !/\s/u.test(after);
}

/** A straight ' opens a quotation: it starts a word (not « l'homme ») and a word follows it. */
function opensSingle(text: string, at: number): boolean {
  const before = text.charAt(at - 1);
  const after = text.charAt(at + 1);
  return (before === "" || /[\s(«"“„\u2029]/u.test(before)) && LETTER_OR_FIGURE.test(after);
}

/** A straight ' closes a quotation: it ends a word (not « aujourd'hui ») and is not followed by one. */
function closesSingle(text: string, at: number): boolean {
  const before = text.charAt(at - 1);
  const after = text.charAt(at + 1);
  return (
    before !== "" && !/[\s\u2029]/u.test(before) && (after === "" || AFTER_CLOSING.test(after) || /["”»]/u.test(after))
  );
}

/**
 * Quotations in straight single quotes ('génial'), which smartypants would curl the English way (‘génial’):
 * each pair, in one block, becomes “ ”, which markPrimes then reads as a pasted quotation (« » outside a
 * quotation, “ ” inside one). Apostrophes, between letters, are left to smartypants.
 */
function pairSingleQuotes(text: string): string {
  let out = "";
  let done = 0;
  let opening = -1;
  for (let at = text.indexOf("'"); at !== -1; at = text.indexOf("'", at + 1)) {
    if (opening !== -1 && text.slice(opening, at).includes(BLOCK_BREAK)) opening = -1;
    if (opening !== -1 && closesSingle(text, at)) {
      out += `${text.slice(done, opening)}“${text.slice(opening + 1, at)}”`;
      done = at + 1;
      opening = -1;
    } else if (opensSingle(text, at)) {
      opening = at;
    }
  }
  return out + text.slice(done);
}

/** Curly quotes pasted from Word or Google Docs set to English or German: “…”, „…“ and „…”. */
const CURLY_OPENING = new Set(["“", "„"]);
const CURLY_CLOSING = new Set(["”", "“"]);

/**
 * Inch marks and elided years, which smartypants takes for quotation marks (« 6,3 » »,
 * « ‘90 »): a straight " right after a figure becomes ″ when it cannot be the end of a
 * quotation (none is open, or a later quote of the same block closes it), and the ' of '90
 * becomes the apostrophe ’. A quote that opens right after a hyphen, a dash, a slash or an
 * apostrophe (« l’ex-"Twitter" », which smartypants would turn into « ex-» ») becomes « itself.
 * Curly quotes pasted from a word processor (“…”, „…“) become « » when they open a quotation,
 * and stay “ ” inside one, where French keeps them for a quotation within a quotation; a lone ”
 * after a figure (Word's 6,3”) becomes ″, and so do quotations in straight single quotes ('non'), which
 * smartypants would curl the English way (‘non’). Every replacement keeps the text's length.
 */
export function markPrimes(written: string): string {
  const text = written.includes("'") ? pairSingleQuotes(written.replace(ELIDED_YEAR, "$1’")) : written;
  if (!/["“”„]/u.test(text)) return text;
  let out = "";
  let done = 0;
  let open = false;
  /** Guillemets typed as such and still open in this block. */
  let guillemets = 0;
  /** Curly quotations open in this block: whether each became « (and its closer must become »). */
  const curly: boolean[] = [];
  const swap = (at: number, mark: string): void => {
    out += text.slice(done, at) + mark;
    done = at + 1;
  };
  for (const { 0: mark, index: at } of text.matchAll(QUOTE_OR_BREAK)) {
    if (mark === BLOCK_BREAK) {
      open = false;
      guillemets = 0;
      curly.length = 0;
    } else if (mark === "«") {
      guillemets += 1;
    } else if (mark === "»") {
      guillemets = Math.max(0, guillemets - 1);
    } else if (CURLY_CLOSING.has(mark) && curly.length > 0 && (mark === "”" || !canOpen(text, at))) {
      if (curly.pop() === true) swap(at, "»");
    } else if (CURLY_OPENING.has(mark)) {
      const outermost = !open && guillemets === 0 && curly.length === 0;
      curly.push(outermost);
      if (outermost) swap(at, "«");
    } else if (mark === "”") {
      if (FIGURE.test(text.charAt(at - 1))) swap(at, DOUBLE_PRIME);
    } else if (mayBeInches(text, at) && (!open || quotationGoesOn(text, at))) {
      swap(at, DOUBLE_PRIME);
    } else if (!open && opensAfterJoiner(text, at)) {
      // Opened here for smartypants, which then closes it at the next quote.
      swap(at, "«");
      open = true;
    } else if (canOpen(text, at) && !canClose(text, at)) {
      open = true;
    } else if (canClose(text, at) && !canOpen(text, at)) {
      open = false;
    } else {
      open = !open;
    }
  }
  return out + text.slice(done);
}

/** The next straight " of the block after `at` closes the quotation open there. */
function quotationGoesOn(text: string, at: number): boolean {
  for (let next = at + 1; next < text.length; next++) {
    const ch = text.charAt(next);
    if (ch === BLOCK_BREAK) return false;
    // A later quote that may itself be an inch mark (« "Pixel 5" … de 6" ») closes nothing for sure: this one closes.
    if (ch === '"') return canClose(text, next) && !canOpen(text, next) && !mayBeInches(text, next);
  }
  return false;
}

/** Straight quotes to « » and ’ (inches to ″), "--" to dashes, "..." to an ellipsis. */
export function smartQuotes(text: string): string {
  return String(smartypants.processSync(markPrimes(text)));
}

/** Full French typography for plain text such as titles and standfirsts. */
export function frenchTypography(text: string): string {
  return frenchSpacing(smartQuotes(text));
}
