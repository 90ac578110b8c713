/**
 * An article's front matter (« l’en-tête » in editors' messages and the README) as its editor wrote it, read with YAML's core schema (dates stay strings,
 * so that a date without offset can be read as Paris time), and explained in French, naming the field,
 * where YAML refuses it or would read it without a word but not as meant.
 */
import { readFileSync } from "node:fs";
import { extractFrontmatter } from "@astrojs/markdown-remark";
import yaml from "js-yaml";
import { commaList } from "./comma-list.ts";
import { oddKeyProblem, plainSpaces } from "./front-matter-spaces.ts";

/** Raised for an article the site cannot publish; its message is meant for editors. */
export class ArticleError extends Error {
  override name = "ArticleError";
  // The message says everything an editor needs: no stack trace of our code under it (Astro prints one when present).
  override stack = "";
  /**
   * Always none. Astro sets a hint on the errors it prints, guessed from their words: « window » or
   * « document » in a message (windows-11.md, « un document ») gets an English one about browser APIs.
   */
  get hint(): undefined {
    return undefined;
  }
  set hint(_guess: unknown) {
    // Astro's guess is dropped: the message says what to do, in French.
  }
}

/** The block of an article's problems as editors read it: « Article invalide : <file> », then one line per problem. */
export function invalidArticle(file: string, problems: readonly string[]): string {
  return `Article invalide : ${file}\n${problems.map((problem) => `  - ${problem}`).join("\n")}`;
}

/** The text of an article file, which must be UTF-8 (a BOM is dropped). */
function readArticleText(file: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new ArticleError(
      invalidArticle(file, [
        `le fichier n’est pas en UTF-8 (ses lettres accentuées seraient illisibles) : réenregistrez-le en UTF-8 dans votre éditeur`,
      ]),
    );
  }
}

/** The fields of an article's header, as the schema names them (article-schema.ts; a test checks they agree). */
export const FIELD_NAMES: readonly string[] = [
  "title",
  "description",
  "date",
  "updated",
  "category",
  "tags",
  "author",
  "image",
  "imageAlt",
  "draft",
];
/** Fields whose value is prose, where a " #" is a title's "#1" far more often than a comment. */
const TEXT_FIELDS = new Set(["title", "description", "author", "imageAlt"]);
const FIELD_LINE = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$/;
/** A list item, "- Apple": its indentation and its text. */
const LIST_ITEM = /^([ \t]*)-(?:[ \t]+(.*))?$/;
/**
 * A character that cannot start an unquoted text: YAML reads a list, an anchor, a type, a comment…
 * (« #1 » alone is a comment; « - », « ? » and « : » only before a space).
 */
const NOT_TEXT_START = /^(?:[[\]{}&*!%@`,|>]|#\S|[-?:](?:[ \t]|$))/;
/** The header of a text written on the next lines ("description: >-"), the only use of | or > at the start. */
const BLOCK_TEXT = /^[|>][-+]?[1-9]?[-+]?[ \t]*(?:#.*)?$/;
const DOUBLE_QUOTED = /^"(?:[^"\\]|\\.)*"/;
const SINGLE_QUOTED = /^'(?:[^']|'')*'/;
/**
 * "#" then a letter or digit ("#1", "#MeToo") after a space, or at the start of a continuation line: YAML
 * ends the text there. "# " with a space is how a comment is written on purpose ("author: La rédaction # par défaut").
 */
const COMMENT_CUT = /(?:^|[ \t])#\S/;

/** A line of the front matter, with its number in the file. */
interface Line {
  n: number;
  text: string;
}

/** A top-level field: its "name: value" line, and the lines under it (indented, or list items). */
interface Field {
  name: string;
  line: Line;
  value: string;
  under: Line[];
}

/** The front matter's lines, numbered as in the file (the opening --- is line 1 when it starts the file). */
function frontMatterLines(text: string, raw: string): Line[] {
  const first = text.slice(0, text.indexOf(raw)).split("\n").length;
  return raw.split(/\r?\n/).map((line, i) => ({ n: first + i, text: line }));
}

/** The top-level fields; comments at the start of a line and blank lines are left out. */
function fieldsOf(lines: readonly Line[]): Field[] {
  const fields: Field[] = [];
  for (const line of lines) {
    const top = FIELD_LINE.exec(line.text);
    if (top !== null) fields.push({ name: top[1] ?? "", line, value: (top[2] ?? "").trim(), under: [] });
    else if (/^(?:[ \t]+\S|-)/.test(line.text)) fields.at(-1)?.under.push(line);
  }
  return fields;
}

/** Pieces of one text, as written over one or several lines, joined as YAML joins them. */
const joined = (pieces: readonly Line[]): string => pieces.map((piece) => piece.text.trim()).join(" ");

/** The text between double quotes, as an editor can paste it in the header. */
const doubleQuoted = (text: string): string => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** A text wholly between the curly quotes of a word processor (“…”, „…“, ‘…’): the text inside them. */
const CURLY_WRAPPED = /^[“„”‘‚’]([^]*)[”“’‘]$/;

/**
 * A text as the fix writes it, between straight quotes, and what to say of it: quoting “Titre : x” as
 * it is would publish « Titre : x » with guillemets, so curly quotes around the whole text become the
 * straight ones that YAML reads as quotes.
 */
function quotedFix(text: string): { value: string; note: string } {
  const inner = CURLY_WRAPPED.exec(text)?.[1];
  return inner === undefined
    ? { value: doubleQuoted(text), note: "" }
    : {
        value: doubleQuoted(inner),
        note: " (les guillemets courbes “ ” qui l’entourent ne sont pas lus comme des guillemets : remplacez-les par des guillemets droits)",
      };
}

/**
 * What YAML would not read as the text written over `pieces` (a value and its continuation lines), with
 * the fix: quotes that close before the end, a first character that is YAML's (« [ », « @ », « & »…), or
 * « #… » after a space, which cuts the text. `example` shows a value as it is written in the field.
 */
function textProblem(field: string, pieces: readonly Line[], example: (value: string) => string): string[] {
  const [first] = pieces;
  if (first === undefined || BLOCK_TEXT.test(first.text)) return [];
  const text = joined(pieces);
  const fixed = quotedFix(text);
  const problem = (line: Line, why: string, fix: string, value = fixed.value): string[] => [
    `champ « ${field} », ligne ${String(line.n)} : ${why} ; ${fix}${value === fixed.value ? fixed.note : ""} : ${example(value)}`,
  ];
  const quoted = (DOUBLE_QUOTED.exec(first.text) ?? SINGLE_QUOTED.exec(first.text))?.[0];
  const after = quoted === undefined ? "" : first.text.slice(quoted.length).trim();
  if (after !== "" && !after.startsWith("#")) {
    return text.startsWith('"')
      ? problem(
          first,
          "un texte qui commence par des guillemets droits doit finir par eux",
          "écrivez « » directement, ou entourez tout le texte de guillemets simples",
          `'${text.replace(/'/g, "''")}'`,
        )
      : problem(
          first,
          "un texte qui commence par un guillemet simple doit finir par lui (une apostrophe à l’intérieur s’y écrit deux fois)",
          "mettez plutôt le texte entre guillemets droits",
          // 'Chapô d'Apple': quotes around the whole text, meant as YAML's; 'Titre' suite: a quoted word.
          doubleQuoted(/^'.*'$/.test(text) ? text.slice(1, -1).replace(/''/g, "'") : text),
        );
  }
  // A text between quotes is read as written; quotes that do not close on their line go on with the next.
  if (/^["']/.test(first.text)) return [];
  // « author: [Jean, Marie] »: one author's name is the field, written as the page shows it.
  if (field === "author" && /^\[.*\]$/.test(text)) {
    const names = commaList(text.slice(1, -1));
    const together = names.length > 1 ? `${names.slice(0, -1).join(", ")} et ${names.at(-1) ?? ""}` : (names[0] ?? "");
    return problem(
      first,
      "author est un texte, pas une liste : plusieurs auteurs s’écrivent comme la page les montre",
      "écrivez-les à la suite",
      together,
    );
  }
  if (NOT_TEXT_START.test(first.text)) {
    return problem(
      first,
      `un texte ne peut pas commencer par « ${first.text.charAt(0)} » sans guillemets (YAML y lirait autre chose que du texte)`,
      "mettez-le entre guillemets droits",
    );
  }
  const cut = pieces.find((piece) => COMMENT_CUT.test(piece.text));
  return cut === undefined
    ? []
    : problem(
        cut,
        "« #… » après une espace commence un commentaire YAML, et le texte s’arrêterait avant",
        "mettez-le entre guillemets droits",
      );
}

/** Problems of a list's items: a dash out of line with the first one, a tag cut at « #… ». */
function listProblems(field: Field): string[] {
  const problems: string[] = [];
  let first: { indent: number; line: Line } | undefined;
  let item: Line[] = [];
  const itemDone = (): void => {
    if (field.name === "tags") problems.push(...textProblem(field.name, item, (value) => `- ${value}`));
    item = [];
  };
  for (const line of field.under) {
    const dash = LIST_ITEM.exec(line.text);
    if (dash === null) {
      item.push(line);
      continue;
    }
    itemDone();
    const indent = dash[1]?.length ?? 0;
    if (first === undefined) first = { indent, line };
    else if (indent !== first.indent) {
      // Further in, YAML reads it as more text of the item above (« Apple - iPhone »); further out, as an error.
      problems.push(
        `champ « ${field.name} », ligne ${String(line.n)} : ce tiret n’est pas aligné sur celui de la ligne ${String(first.line.n)}, et YAML n’y lirait pas un nouvel élément de la liste ; mettez le même nombre d’espaces devant chaque tiret`,
      );
    }
    item.push({ n: line.n, text: dash[2] ?? "" });
  }
  itemDone();
  return problems;
}

/** The items of a list written between brackets, « [A, "B", C] », as written, and whether a « ] » closes it. */
function bracketItems(list: string): { items: string[]; closed: boolean } {
  const items: string[] = [];
  let item = "";
  let quote: string | undefined;
  for (let i = 1; i < list.length; i++) {
    const c = list.charAt(i);
    if (quote !== undefined) {
      if (c === "\\" && quote === '"') item += list.charAt(i++);
      else if (c === quote) quote = undefined;
    } else if ((c === '"' || c === "'") && item.trim() === "") quote = c;
    else if (c === "," || c === "]") {
      items.push(item.trim());
      item = "";
      if (c === "]") return { items: items.filter((it, n) => it !== "" || n < items.length - 1), closed: true };
      continue;
    }
    item += c;
  }
  if (item.trim() !== "") items.push(item.trim());
  return { items, closed: false };
}

/** Why YAML would not read an unquoted item of a list between brackets as the text written, if it would not. */
function bracketItemProblem(item: string): string | undefined {
  if (/^["']/.test(item)) return undefined;
  if (item.startsWith("#"))
    return `« ${item} » commence par « # », qui ouvre un commentaire YAML et couperait la liste`;
  if (/[ \t]#/.test(item))
    return `dans « ${item} », « #… » après une espace ouvre un commentaire YAML et couperait la liste`;
  if (/^[[{&*!%@`|>]/.test(item)) {
    return `« ${item} » commence par « ${item.charAt(0)} », que YAML lirait autrement que comme du texte`;
  }
  if (/:(?:[ \t]|$)/.test(item)) return `« ${item} » contient « : », que YAML lirait comme un champ`;
  return undefined;
}

/**
 * Problems of a list written between brackets (« tags: [Apple, #Grok] »): YAML reads « #Grok » as a
 * comment, so that its « ] » is never read, and fails lines further down, naming another field.
 */
function bracketListProblems(field: Field): string[] {
  const pieces = [{ n: field.line.n, text: field.value }, ...field.under];
  const { items, closed } = bracketItems(joined(pieces));
  const wrong = items.map((item) => ({ item, why: bracketItemProblem(item) }));
  const fixed = `${field.name}: [${wrong.map(({ item, why }) => (why === undefined ? item : doubleQuoted(item))).join(", ")}]`;
  const where = `champ « ${field.name} », ligne ${String(field.line.n)}`;
  const problems = wrong.flatMap(({ item, why }) =>
    why === undefined ? [] : [`${where} : ${why} ; ${doubleQuoted(item)} s’écrit entre guillemets droits : ${fixed}`],
  );
  if (problems.length === 0 && !closed) {
    problems.push(
      `${where} : la liste ouverte par « [ » n’est pas fermée ; ajoutez « ] » après son dernier élément : ${fixed}`,
    );
  }
  return problems;
}

/**
 * Problems of the raw header's texts, found before YAML reads them (all at once, each with its line),
 * above all those it reads without a word but not as the editor meant: a text field or a tag whose unquoted
 * text holds " #1", on its first line or the next ("title: Le langage #1" reads "Le langage"), or starts
 * with « & » ("title: &Apple" reads nothing), a list item indented apart from the others (one tag
 * « Apple - iPhone »). A comment after a date, a category or a flag ("draft: false # pas encore") is left alone.
 */
function textProblems(fields: readonly Field[]): string[] {
  return fields.flatMap((field) => {
    if (TEXT_FIELDS.has(field.name)) {
      const pieces = [...(field.value === "" ? [] : [{ n: field.line.n, text: field.value }]), ...field.under];
      return textProblem(field.name, pieces, (value) => `${field.name}: ${value}`);
    }
    if (field.value.startsWith("[")) return bracketListProblems(field);
    return field.value === "" || field.value.startsWith("#") ? listProblems(field) : [];
  });
}

/**
 * A line that is the article's text rather than YAML: a Markdown heading (YAML reads "## Intertitre" as a
 * comment), or prose ("Apple : la firme…" would be a field named Apple; a field's name is a lower-case word).
 */
const ARTICLE_TEXT = /^(?:#{2,6}[ \t]|(?![a-z][\w-]*[ \t]*:)[^\s#-])/;

/**
 * The first line of the article's text inside the front matter, after a blank line: its closing --- is
 * missing, and a --- rule further down the text closed it instead.
 */
function articleTextProblem(lines: readonly Line[]): string | undefined {
  // Line 0 is the rest of the opening ---.
  const found = lines.findIndex((line, i) => i > 1 && lines[i - 1]?.text.trim() === "" && ARTICLE_TEXT.test(line.text));
  const line = lines[found];
  if (line === undefined) return undefined;
  const last = lines.slice(1, found).findLast((l) => l.text.trim() !== "");
  const after = last === undefined ? "la ligne --- qui ouvre l’en-tête" : `le dernier champ (ligne ${String(last.n)})`;
  // A paragraph is cut after a word.
  const text = line.text.length > 60 ? `${line.text.slice(0, 60).replace(/\s+\S*$/, "")}…` : line.text;
  return `en-tête, ligne ${String(line.n)} : « ${text} » ressemble au texte de l’article, pas à un champ : la ligne --- qui ferme l’en-tête manque-t-elle ? ajoutez-la après ${after}, avant le texte`;
}

/** YAML's errors said in French: an editor reads them, and YAML speaks English. */
const YAML_REASONS: readonly [RegExp, string][] = [
  [/^missed comma between flow collection/, "une virgule manque entre deux éléments d’une liste entre crochets"],
  [/^unexpected end of the stream within a flow collection/, "une liste ouverte par « [ » n’est jamais fermée"],
  [/within a (?:double|single) quoted scalar/, "un guillemet ouvert n’est jamais fermé"],
  [/^bad indentation|^end of the stream or a document separator/, "YAML ne lit pas cette ligne comme un champ"],
  [
    /^can not read|^incomplete explicit mapping pair/,
    "YAML ne trouve pas ici de champ (un nom, « : », une espace, la valeur)",
  ],
  [/^a whitespace character is expected after/, "une espace manque après le « : » du champ"],
  [
    /^unknown escape sequence|^expected hexadecimal character/,
    "entre guillemets droits, une barre oblique inverse « \\ » s’écrit deux fois",
  ],
  [/^unidentified alias|^name of an (?:alias|anchor)/, "« * » ou « & » au début d’un texte, que YAML lit autrement"],
];

/** A YAML error in French, its English words kept only when no French one explains it. */
function frenchReason(reason: string): string {
  const known = YAML_REASONS.find(([pattern]) => pattern.test(reason))?.[1];
  return known ?? `YAML ne peut pas lire cette ligne (son message, en anglais : « ${reason} »)`;
}

/** Fields whose value is a text, which quotes may protect (never a flag or a date, which they would spoil). */
const QUOTABLE_FIELDS = new Set([...TEXT_FIELDS, "category", "image"]);

/** A value that is meant as written, never a text to quote: a flag, a date, or a value between quotes already. */
const NOT_TO_QUOTE = /^(?:true|false|\d{4}-\d{1,2}-\d{1,2}\b.*|["'].*)$/i;

/** What a YAML error most likely means, from the line it points at: the field, the line and the fix. */
function yamlErrorProblem(lines: readonly Line[], fields: readonly Field[], error: unknown): string {
  const { reason = String(error), mark } = error as { reason?: string; mark?: { line?: number } };
  const french = frenchReason(reason);
  // The line pointed at, or the last written line before it (YAML may point past it).
  const line = lines.slice(0, (mark?.line ?? lines.length) + 1).findLast((l) => l.text.trim() !== "");
  const field = line === undefined ? undefined : fields.findLast((f) => f.line.n <= line.n);
  if (line === undefined || field === undefined || (/^(?![-#])\S/.test(line.text) && !FIELD_LINE.test(line.text))) {
    // Prose where a field should be: the closing --- is missing, so the text was read as the header.
    return line === undefined
      ? `en-tête illisible : ${french}`
      : `en-tête illisible, ligne ${String(line.n)} : « ${line.text.trim()} » n’est pas un champ ; la ligne --- qui ferme l’en-tête manque-t-elle ? elle suit le dernier champ, avant le texte`;
  }
  const where = `champ « ${field.name} », ligne ${String(line.n)} : en-tête illisible`;
  const earlier = fields.find((f) => f.name === field.name);
  if (reason === "duplicated mapping key" && earlier !== undefined && earlier !== field) {
    return `${where}, ce champ est déjà écrit ligne ${String(earlier.line.n)} ; gardez-en un seul`;
  }
  if (field.value === "" && field.under.some((l) => LIST_ITEM.test(l.text))) {
    return `${where} : ${french} ; une liste s’écrit un élément par ligne, après « - », et un élément qui contient « : » ou « # » entre guillemets droits`;
  }
  // A quotation opened above and never closed runs on until YAML fails, on a line that is right.
  const open = fields.findLast((f) => f.line.n < field.line.n && /^"(?:[^"\\]|\\.)*$|^'(?:[^']|'')*$/.test(f.value));
  if (open !== undefined && field.line.n === line.n) {
    return `champ « ${open.name} », ligne ${String(open.line.n)} : en-tête illisible, le guillemet droit qui ouvre ce texte n’est jamais fermé (YAML s’arrête ligne ${String(line.n)}) ; fermez-le à la fin du texte : ${open.name}: ${open.value}${open.value.charAt(0)}`;
  }
  // A line « ␣name: … » under a field: one typed a space in (which reads as more of the field above, then fails).
  const indentedName = (l: Line): string | undefined => /^[ \t]+([A-Za-z][\w-]*)[ \t]*:(?:[ \t]|$)/.exec(l.text)?.[1];
  const indentedProblem = (l: Line): string =>
    `champ « ${field.name} », ligne ${String(l.n)} : en-tête illisible, « ${l.text.trim()} » est en retrait ; un champ s’écrit en début de ligne, sans espace devant`;
  // A field's own name first: « ␣description: … » under « title: … » is no part of the title to quote.
  const shifted = field.under.find((l) => FIELD_NAMES.includes(indentedName(l) ?? ""));
  if (shifted !== undefined) return indentedProblem(shifted);
  const text = joined([{ n: field.line.n, text: field.value }, ...field.under].filter((piece) => piece.text !== ""));
  const { value, note } = quotedFix(text);
  const quotable = QUOTABLE_FIELDS.has(field.name) && !NOT_TO_QUOTE.test(field.value);
  // The commonest case: a title typed as French writes it, "Titre : sous-titre", which YAML reads as a new field.
  if (quotable && /:(?:[ \t]|$)/.test(text)) {
    return `${where}, un texte qui contient « : » s’écrit entre guillemets droits${note} : ${field.name}: ${value}`;
  }
  const indented = field.under.find((l) => indentedName(l) !== undefined);
  if (indented !== undefined) return indentedProblem(indented);
  // Quoting a flag, a date or a quoted text would not help, and each new try would add quotes.
  if (quotable) {
    return `${where} : ${french} ; si c’est un texte, mettez-le entre guillemets droits${note} : ${field.name}: ${value}`;
  }
  if (/^unknown escape|^expected hexadecimal/.test(reason)) return `${where} : ${french}`;
  if (/^["']/.test(text)) {
    const bare = /^["'](true|false|\d{4}-\d{1,2}-\d{1,2}[^"']*)["']*$/i.exec(text)?.[1];
    return bare === undefined
      ? `${where} : ${french} ; vérifiez ses guillemets droits : un texte entre guillemets se ferme par le même guillemet, à la fin, et un " à l’intérieur s’écrit \\"`
      : `${where} : ${french} ; ${field.name} s’écrit sans guillemets : ${field.name}: ${bare}`;
  }
  return `${where} : ${french} ; si cette ligne est juste, l’erreur est plus haut : un texte qui contient « : » ou « # », ou qui commence par un signe (« [ », « @ », « * »…), s’écrit entre guillemets droits`;
}

/**
 * The file's text with its header's odd spaces made ordinary where parseFrontMatter reads them so (its body as
 * written), for the YAML of Astro's own reading of the file: without it, « title:\u00a0Titre », which ours
 * accepts, stopped the build in English.
 */
export function plainFrontMatter(text: string): string {
  const raw = extractFrontmatter(text);
  if (raw === undefined) return text;
  const plain = raw
    .split("\n")
    .map((line) => (line.endsWith("\r") ? `${plainSpaces(line.slice(0, -1))}\r` : plainSpaces(line)))
    .join("\n");
  return plain === raw ? text : text.replace(raw, () => plain);
}

/** Front matter of a file, with YAML's core schema (dates kept as strings). */
export function readFrontMatter(file: string): Record<string, unknown> {
  return parseFrontMatter(file, readArticleText(file));
}

/** Front matter of `text`, the contents of `file` (named in messages), as readFrontMatter reads it. */
export function parseFrontMatter(file: string, text: string): Record<string, unknown> {
  const raw = extractFrontmatter(text);
  if (raw === undefined) {
    if (/^---[ \t]*\r?\n/.test(text)) {
      throw new ArticleError(
        invalidArticle(file, [`en-tête non fermé : ajoutez une ligne --- après le dernier champ, avant le texte`]),
      );
    }
    return {};
  }
  // Odd spaces where YAML needs a space are read as ordinary ones (front-matter-spaces.ts), the lines kept.
  const lines = frontMatterLines(text, raw).map((line) => ({ n: line.n, text: plainSpaces(line.text) }));
  const spoilt = lines.flatMap((line) => oddKeyProblem(line.text, line.n) ?? []);
  if (spoilt.length > 0) throw new ArticleError(invalidArticle(file, spoilt));
  const articleText = articleTextProblem(lines);
  if (articleText !== undefined) throw new ArticleError(invalidArticle(file, [articleText]));
  // YAML refuses tabs before a field or a list item, in English; an editor's text editor may put them there.
  const tabbed = lines.find((line) => /^ *\t/.test(line.text));
  if (tabbed !== undefined) {
    throw new ArticleError(
      invalidArticle(file, [
        `en-tête, ligne ${String(tabbed.n)} : une tabulation en début de ligne ; YAML n’accepte que des espaces : remplacez-la par deux espaces`,
      ]),
    );
  }
  const fields = fieldsOf(lines);
  const problems = textProblems(fields);
  if (problems.length > 0) throw new ArticleError(invalidArticle(file, problems));
  try {
    const data = yaml.load(lines.map((line) => line.text).join("\n"), { schema: yaml.CORE_SCHEMA });
    return data !== null && typeof data === "object" ? (data as Record<string, unknown>) : {};
  } catch (error) {
    throw new ArticleError(invalidArticle(file, [yamlErrorProblem(lines, fields, error)]));
  }
}
