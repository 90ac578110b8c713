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

/** Straight quotes to « » and ’, "--" to dashes, "..." to an ellipsis. */
export function smartQuotes(text: string): string {
  return String(smartypants.processSync(text));
}

/** Full French typography for plain text such as titles and standfirsts. */
export function frenchTypography(text: string): string {
  return frenchSpacing(smartQuotes(text));
}
