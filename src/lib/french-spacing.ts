/**
 * French spacing for plain text: no-break spaces before : ; ! ? and inside « ». No dependency,
 * so that browser scripts can use it too (src/scripts/search.ts); typography.ts adds the quotes.
 */
/** No-break space (U+00A0): French puts it before a colon. */
export const NBSP = "\u00a0";
/** Narrow no-break space (U+202F): before ; ! ? and inside « ». */
export const NNBSP = "\u202f";

/** « text », with the narrow no-break spaces French puts inside guillemets. */
export const inGuillemets = (text: string): string => `«${NNBSP}${text}${NNBSP}»`;

// URLs and e-mail-like schemes are left untouched: their ? and : are not prose.
const urlRe = /(?:[a-z][a-z0-9+.-]*:\/\/|mailto:|www\.)[^\s<>«»"]+/giu;
const spaceRe = /[\s\u00a0\u202f]/u;
const followsPunctuation = /[\s\u00a0\u202f!?;:.,)\]»…"’']/u;
const high = new Set(["!", "?", ";", ":"]);

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && spaceRe.test(ch);
}

/**
 * Puts `space` before the punctuation just appended, replacing any ordinary space there; none right after
 * ! ? ; : (« ?! »), except before a closing guillemet (`afterPunctuation`: « Vraiment ? »).
 */
function spaceBefore(out: string, before: string, space: string, afterPunctuation = false): string {
  const trimmed = out.replace(/[\s\u00a0\u202f]+$/u, "");
  if (trimmed.length < out.length) return trimmed + space;
  const last = out.length > 0 ? out.at(-1) : before.at(-1);
  if (last === undefined || isSpace(last) || last === "(" || last === "[" || (high.has(last) && !afterPunctuation))
    return out;
  return out + space;
}

// A day and its month stay on one line ("17 septembre", "1er octobre").
const dayMonthRe =
  /(?<![\p{L}\p{N}])(\d{1,2}(?:er)?) (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)(?!\p{L})/gu;

/** A number's groups of three figures (« 10 000 », « 1 000 000 »), kept whole with narrow spaces, as fr-FR writes them. */
const thousandsRe = /(?<![\p{N},.])\d{1,3}(?: \d{3})+(?!\p{N})/gu;
const groupSpaceRe = / /g;
/** A figure and the sign after it: « 3,5 % » (narrow, as fr-FR writes it), « 5 € », « 20 °C », « 14 h 30 », « 2 Go ». */
const percentRe = /(\d) (?=[%‰](?![\p{L}\p{N}]))/gu;
const unitRe =
  /(\d) (?=(?:€|\$|£|¥|°C|°F|°|h|min|s|ms|µs|ns|km|m|cm|mm|µm|nm|kg|g|t|Go|Mo|Ko|To|Po|Go\/s|Mo\/s|Tbit\/s|Gbit\/s|Mbit\/s|kbit\/s|THz|GHz|MHz|kHz|Hz|kW|MW|GW|kWh|Wh|W|V|A|mAh|Ah|dB|px|Mpx|Mds|M€|Md€)(?![\p{L}\p{N}]))/gu;
/** A hyphen typed for a minus before a figure (« -5 °C », « (-3 %) »): the minus sign, which no line break parts from it. */
const minusRe = /(?<=^|[\s(«\u00a0\u202f])-(?=\d)/gu;
/** The minutes of « 14 h 30 ». */
const hourMinutesRe = /(\d\u00a0h) (?=\d{2}(?!\p{N}))/gu;
/** A title or a number sign and what it names: « M. Dupont », « Mme Curie », « n° 5 », « XIXe siècle ». */
const namedRe = /(?<![\p{L}\p{N}])(M\.|MM\.|Mme|Mmes|Mlle|Dr|Pr|Me|n°|N°) (?=[\p{Lu}\p{N}])/gu;
const centuryRe = /(?<![\p{L}\p{N}])([IVXLC]+e|\d+e|1er) (?=(?:siècle|millénaire|arrondissement)(?!\p{L}))/gu;

/** A dash typed between spaces, or a hyphen typed as one (« Apple - la keynote »). */
const spacedDashRe = / ([-–—]) (?=\S|$)/gu;
const spacedDashesRe = /\s[-–—]\s/gu;
/** The end of a sentence: what follows it starts a new one. */
const sentenceEndRe = /[.!?…][»”’)\u00a0\u202f]*\s/gu;

/** The sentence `text` ends in (after its last full stop, ! or ?). */
function currentSentence(text: string): string {
  let start = 0;
  for (const end of text.matchAll(sentenceEndRe)) start = end.index + end[0].length;
  return text.slice(start);
}

/**
 * Dashes between spaces (a hyphen typed as one becomes –) hold on to the words they set apart: the first of
 * a sentence opens an aside and keeps the word after it (« a —\u00a0selon lui »), the second closes it and keeps
 * the word before (« lui\u00a0— tout »), so that no line starts with a closing dash or ends with an opening one.
 */
function spaceDashes(text: string, before: string): string {
  if (!/ [-–—] /u.test(text)) return text;
  return text.replace(spacedDashRe, (match, dash: string, at: number) => {
    const previous = at > 0 ? text.charAt(at - 1) : before.at(-1);
    if (previous === undefined || /\s/u.test(previous)) return match;
    const earlier = currentSentence(before + text.slice(0, at + 1)).match(spacedDashesRe)?.length ?? 0;
    const mark = dash === "-" ? "–" : dash;
    return earlier % 2 === 0 ? ` ${mark}${NBSP}` : `${NBSP}${mark} `;
  });
}

/**
 * A sign typed against its figure (« 5,7% », « 5€ », « 2Go », « 14h30 »), spaced as if typed apart; the rules
 * below then make those spaces no-break. Only signs that cannot end a name: « iPhone 5s », « 4G » or « M4 » stay.
 */
const gluedSignRe = /(\d)(?=(?:[%‰€£¥]|°C|°F|Go|Mo|Ko|To|GHz|MHz|kWh|mAh)(?![\p{L}\p{N}]))/gu;
const gluedHourRe = /(?<![\p{L}\p{N},.])([01]?\d|2[0-3])h(?:([0-5]\d)(?!\p{N}))?(?![\p{L}\p{N}])/gu;

function unglueSigns(text: string): string {
  return text
    .replace(gluedSignRe, "$1 ")
    .replace(gluedHourRe, (_match, hour: string, minutes?: string) =>
      minutes === undefined ? `${hour} h` : `${hour} h ${minutes}`,
    );
}

function spaceProse(text: string, before: string): string {
  return (
    spacePunctuation(spaceDashes(unglueSigns(text), before), before)
      .replace(dayMonthRe, `$1${NBSP}$2`)
      .replace(thousandsRe, (number) => number.replace(groupSpaceRe, NNBSP))
      // A text that starts right after a word (« <a>lien</a>-5 ») starts with no minus.
      .replace(minusRe, (dash, at: number) => (at === 0 && /[\p{L}\p{N}]$/u.test(before) ? dash : "\u2212"))
      .replace(percentRe, `$1${NNBSP}`)
      .replace(unitRe, `$1${NBSP}`)
      .replace(hourMinutesRe, `$1${NBSP}`)
      .replace(namedRe, `$1${NBSP}`)
      .replace(centuryRe, `$1${NBSP}`)
  );
}

function spacePunctuation(text: string, before: string): string {
  let out = "";
  let skipSpaces = before.endsWith(`«${NNBSP}`);
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (skipSpaces) {
      if (isSpace(ch)) continue;
      skipSpaces = false;
    }
    const next = text.charAt(i + 1);
    const endsWord = next === "" || followsPunctuation.test(next);
    if ((ch === ";" || ch === "!" || ch === "?") && endsWord) {
      out = spaceBefore(out, before, NNBSP) + ch;
    } else if (ch === ":" && endsWord) {
      out = spaceBefore(out, before, NBSP) + ch;
    } else if (ch === "«") {
      out += `«${NNBSP}`;
      skipSpaces = true;
    } else if (ch === "»") {
      out = spaceBefore(out, before, NNBSP, true) + ch;
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * French spacing: U+202F before ; ! ? and inside « », U+00A0 before a colon and between a day
 * and its month, replacing an ordinary space where the author typed one. A number stays on one line
 * with its groups (U+202F: « 10 000 »), its percent sign (U+202F) and its unit (U+00A0: « 5 € »,
 * « 14 h 30 »), and so do « M. », « Mme », « n° » and « XIXe » with what follows; a dash between spaces
 * (a hyphen typed as one becomes –) keeps the words of the aside it opens or closes. Never inside URLs,
 * nor in times such as 10:30.
 * `before` is the text that precedes this one in the same paragraph (for text split by markup).
 */
export function frenchSpacing(text: string, before = ""): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(urlRe)) {
    out += spaceProse(text.slice(last, match.index), before + out);
    out += match[0];
    last = match.index + match[0].length;
  }
  return out + spaceProse(text.slice(last), before + out);
}
