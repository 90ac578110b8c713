/**
 * Spaces YAML does not take for spaces, in the places where an article's header (its front matter)
 * needs one: a no-break space pasted after « title: » from Word or a mail, a zero-width space before
 * a field. YAML reads « title:\u00a0Titre » as one word and fails a line further down, blaming the
 * wrong field; an editor cannot see the character. Where its meaning is plain (the indentation,
 * around the « : » of a field, after a list's « - », the value of a field that is never prose) it
 * is read as an ordinary space; inside a field's name, it is named with its line.
 */

/** Spaces other than the ordinary one: no-break, narrow no-break, thin, figure, ideographic… */
const ODD_SPACE = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000";
/** Characters that show nothing at all: zero-width space and joiners, word joiner, a BOM inside the text. */
const INVISIBLE = "\u200b-\u200d\u2060\ufeff";
const ODD = new RegExp(`[${ODD_SPACE}${INVISIBLE}]`);
const ODD_G = new RegExp(`[${ODD_SPACE}${INVISIBLE}]`, "g");
const INVISIBLE_G = new RegExp(`[${INVISIBLE}]`, "g");
const ODD_SPACE_G = new RegExp(`[${ODD_SPACE}]`, "g");

/** The names editors know, for a message. */
const NAMES: Readonly<Record<string, string>> = {
  "\u00a0": "une espace insécable",
  "\u202f": "une espace fine insécable",
  "\u2009": "une espace fine",
  "\u200b": "une espace sans chasse",
  "\u2060": "un gluon",
};

/** « une espace insécable (U+00A0) », for a message. */
function oddCharacterName(char: string): string {
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  const name =
    NAMES[char] ?? (new RegExp(`[${INVISIBLE}]`).test(char) ? "un caractère invisible" : "une espace spéciale");
  return `${name} (${code})`;
}

/** A run of spaces as YAML must read it: odd spaces made ordinary, invisible characters dropped. */
const plain = (run: string): string => run.replace(INVISIBLE_G, "").replace(ODD_SPACE_G, " ");

const RUN = `[ \\t${ODD_SPACE}${INVISIBLE}]*`;
const LEAD = new RegExp(`^${RUN}`);
const DASH = new RegExp(`^-(${RUN})`);
const KEY = new RegExp(`^([A-Za-z][\\w-]*)(${RUN}):(${RUN})`);
/** A field's name with an odd character in it, before its « : » (« ti\u200btle: »). */
const SPOILT_KEY = new RegExp(`^[A-Za-z][\\w${ODD_SPACE}${INVISIBLE}-]*:`);
/** Fields whose value is never prose: an odd space there can only be a slip. */
const PLAIN_VALUES = new Set(["date", "updated", "category", "draft", "image"]);

/** A line of the header, with its odd spaces made ordinary where their meaning is plain. */
export function plainSpaces(line: string): string {
  if (!ODD.test(line)) return line;
  if (line.replace(ODD_G, "").trim() === "") return "";
  const lead = LEAD.exec(line)?.[0] ?? "";
  let rest = line.slice(lead.length);
  let head = plain(lead);
  const dash = DASH.exec(rest);
  if (dash !== null) {
    const run = plain(dash[1] ?? "");
    head += `-${run === "" && dash[0].length > 1 ? " " : run}`;
    rest = rest.slice(dash[0].length);
  }
  const key = KEY.exec(rest);
  if (key === null) return head + rest;
  const [whole, name = "", before = "", after = ""] = key;
  const value = rest.slice(whole.length);
  const space = plain(after);
  return `${head}${name}${plain(before)}:${space === "" && after !== "" ? " " : space}${PLAIN_VALUES.has(name) ? plain(value) : value}`;
}

/** Why a field's name holds an odd character, in a line plainSpaces has read, with its number; else undefined. */
export function oddKeyProblem(line: string, n: number): string | undefined {
  const key = SPOILT_KEY.exec(line.trimStart())?.[0];
  const char = key === undefined ? undefined : ODD.exec(key)?.[0];
  if (key === undefined || char === undefined) return undefined;
  const name = key.slice(0, -1).replace(ODD_G, "").trim();
  return `en-tête, ligne ${String(n)} : le nom du champ « ${name} » contient ${oddCharacterName(char)}, venue d’un copier-coller, qui ne se voit pas mais en fait un autre nom ; effacez ce nom et retapez-le au clavier`;
}
