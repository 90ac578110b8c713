/**
 * An article's front matter as its editor wrote it, read with YAML's core schema (dates stay strings,
 * so that a date without offset can be read as Paris time), and explained in French, naming the field,
 * where YAML refuses it or would read it without a word but not as meant.
 */
import { readFileSync } from "node:fs";
import { extractFrontmatter } from "@astrojs/markdown-remark";
import yaml from "js-yaml";

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

/** The text of an article file, which must be UTF-8 (a BOM is dropped). */
function readArticleText(file: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new ArticleError(
      `Article invalide : ${file}\n  - le fichier n’est pas en UTF-8 (ses lettres accentuées seraient illisibles) : réenregistrez-le en UTF-8 dans votre éditeur`,
    );
  }
}

/** Fields whose value is prose, where a " #" is a title's "#1" far more often than a comment. */
const TEXT_FIELDS = new Set(["title", "description", "author", "imageAlt"]);
const FIELD_LINE = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$/;
/** A list item, "- Apple": its indentation and its text. */
const LIST_ITEM = /^([ \t]*)-(?:[ \t]+(.*))?$/;
/** The first character of a text YAML reads as plain text, without quotes (not a list item either). */
const PLAIN = /^(?!-[ \t])[^"'\s[\]{}|>#&*!%@`,]/;
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

/** The text between double quotes, as an editor can paste it in the front matter. */
const doubleQuoted = (text: string): string => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** The message for a plain text (a value and its continuation lines) that YAML would cut at « #… ». */
function commentCut(field: string, pieces: readonly Line[], example: (quoted: string) => string): string[] {
  if (!PLAIN.test(pieces[0]?.text ?? "")) return [];
  const cut = pieces.find((piece) => COMMENT_CUT.test(piece.text));
  return cut === undefined
    ? []
    : [
        `champ « ${field} », ligne ${String(cut.n)} : « #… » après une espace commence un commentaire YAML, et le texte s’arrêterait avant ; mettez-le entre guillemets droits : ${example(doubleQuoted(joined(pieces)))}`,
      ];
}

/** Problems of a list's items: a dash out of line with the first one, a tag cut at « #… ». */
function listProblems(field: Field): string[] {
  const problems: string[] = [];
  let first: { indent: number; line: Line } | undefined;
  let item: Line[] = [];
  const itemDone = (): void => {
    if (field.name === "tags") problems.push(...commentCut(field.name, item, (quoted) => `- ${quoted}`));
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

/**
 * Problems of the raw front matter that YAML reads without a word but not as the editor meant: a
 * text field or a tag whose unquoted text holds " #1", on its first line or the next ("title: Le
 * langage #1" reads "Le langage"), a list item indented apart from the others (one tag « Apple -
 * iPhone »). A comment after a date, a category or a flag ("draft: false # pas encore") is left alone.
 */
function silentYamlProblems(fields: readonly Field[]): string[] {
  return fields.flatMap((field) => {
    if (TEXT_FIELDS.has(field.name)) {
      const pieces = [...(field.value === "" ? [] : [{ n: field.line.n, text: field.value }]), ...field.under];
      return commentCut(field.name, pieces, (quoted) => `${field.name}: ${quoted}`);
    }
    return field.value === "" || field.value.startsWith("#") ? listProblems(field) : [];
  });
}

/** What a YAML error most likely means, from the line it points at. */
function yamlHint(raw: string, error: unknown): string {
  const line = (error as { mark?: { line?: number } }).mark?.line;
  // The line pointed at, or the last written line before it (YAML may point past it).
  const text =
    line === undefined
      ? ""
      : (raw
          .split(/\r?\n/)
          .slice(0, line + 1)
          .findLast((l) => l.trim() !== "") ?? "");
  const field = FIELD_LINE.exec(text);
  if (field === null) {
    // Prose where a field should be: the closing --- is missing, so the text was read as front matter.
    return text.trim() !== "" && !/^\s*(?:-|#)/.test(text)
      ? "\n    la ligne --- qui ferme le front matter manque-t-elle ? elle suit le dernier champ, avant le texte"
      : "";
  }
  const [, name = "", value = ""] = field;
  if (/^"[^"]*"\s*\S/.test(value)) {
    return `\n    champ « ${name} » : un texte qui commence par des guillemets droits doit finir par eux ; écrivez « » directement, ou entourez tout le texte de guillemets simples : ${name}: '${value.trim()}'`;
  }
  // The commonest case: a title typed as French writes it, "Titre : sous-titre", which YAML reads as a new field.
  return /:\s/.test(value)
    ? `\n    champ « ${name} » : un texte qui contient « : » s’écrit entre guillemets droits, par exemple : ${name}: "Titre : sous-titre"`
    : "";
}

/** Front matter of a file, with YAML's core schema (dates kept as strings). */
export function readFrontMatter(file: string): Record<string, unknown> {
  const text = readArticleText(file);
  const raw = extractFrontmatter(text);
  if (raw === undefined) {
    if (/^---[ \t]*\r?\n/.test(text)) {
      throw new ArticleError(
        `Article invalide : ${file}\n  - front matter non fermé : ajoutez une ligne --- après le dernier champ, avant le texte`,
      );
    }
    return {};
  }
  // YAML refuses tabs before a field or a list item, in English; an editor's text editor may put them there.
  const tabbed = raw.split(/\r?\n/).findIndex((line) => /^ *\t/.test(line));
  if (tabbed >= 0) {
    throw new ArticleError(
      `Article invalide : ${file}\n  - front matter, ligne ${String(text.slice(0, text.indexOf(raw)).split("\n").length + tabbed)} : une tabulation en début de ligne ; YAML n’accepte que des espaces : remplacez-la par deux espaces`,
    );
  }
  const silent = silentYamlProblems(fieldsOf(frontMatterLines(text, raw)));
  if (silent.length > 0)
    throw new ArticleError(`Article invalide : ${file}\n${silent.map((p) => `  - ${p}`).join("\n")}`);
  try {
    const data = yaml.load(raw, { schema: yaml.CORE_SCHEMA });
    return data !== null && typeof data === "object" ? (data as Record<string, unknown>) : {};
  } catch (error) {
    const reason = (error as Error).message;
    throw new ArticleError(
      `Article invalide : ${file}\n  - front matter YAML illisible : ${reason}${yamlHint(raw, error)}`,
    );
  }
}
