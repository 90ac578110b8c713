/**
 * What Markdown hides of an article's text without a word, read from the text as written (the rendered HTML no
 * longer has it): an HTML comment never closed (everything after it goes with it), a table row longer than its
 * header (its last cells go), a note that nothing calls (it goes), Markdown inside a block of HTML (shown as typed).
 * Messages are for editors, in French (article-checks.ts gathers them).
 */
import type { Html, Nodes, Root, Text } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { visit } from "unist-util-visit";
import { NBSP, NNBSP, inGuillemets } from "./french-spacing.ts";

/** A text with none of these is read by none of the checks: most articles are not parsed a second time. */
const MAY_HIDE = /<|\||\[\^/;

const CLOSED_COMMENT = /<!--[\s\S]*?-->/g;
/** Markdown that an HTML block shows as typed: bold, a link, a heading, an item. */
const LITERAL_MARKDOWN = /\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\n]*\)|^ {0,3}#{1,6} \S.*$|^ {0,3}[-*+] \S.*$/m;
/** HTML blocks whose content is meant as typed (CommonMark's first kind): no Markdown is expected there. */
const VERBATIM_BLOCK = /^ {0,3}<(?:pre|script|style|textarea)\b/i;

/** What the checks found: the problems, and the links typed in HTML blocks (not links that failed to close). */
export interface HiddenText {
  problems: string[];
  /** « [texte]( » of each Markdown link inside an HTML block. */
  linksInHtml: string[];
}

/** `text` on one line, its first `length` characters at most, cut at a space. */
function excerpt(text: string, length = 60): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= length) return line;
  const space = line.lastIndexOf(" ", length);
  return `${line.slice(0, space > 20 ? space : length)}…`;
}

/** The source of a node, as the editor typed it. */
function sourceOf(body: string, node: Nodes): string {
  const { start, end } = node.position ?? {};
  return start?.offset === undefined || end?.offset === undefined ? "" : body.slice(start.offset, end.offset);
}

function commentProblem(node: Html): string | undefined {
  const open = node.value.replace(CLOSED_COMMENT, "").indexOf("<!--");
  if (open === -1) return undefined;
  const rest = node.value.replace(CLOSED_COMMENT, "").slice(open + 4);
  const lines = rest.split("\n");
  // Its first words: a note's own line, where the editor will close it.
  const first = lines.find((line) => line.trim() !== "") ?? "";
  return `le commentaire ${inGuillemets(`<!--${NBSP}${excerpt(first, 40)}`)} n’est jamais fermé${NBSP}: tout ce qui le suit, jusqu’à la fin de l’article (${String(lines.length)} ${lines.length > 1 ? "lignes" : "ligne"}), est caché aux lecteurs${NNBSP}; fermez-le par --> là où la note s’arrête`;
}

/**
 * « <!-- » never closed inside a paragraph: not a comment for Markdown, but text, shown to readers as typed (its « -- »
 * an em dash) where the editor meant to hide a note.
 */
function inlineCommentProblem(node: Text): string | undefined {
  const open = node.value.indexOf("<!--");
  if (open === -1) return undefined;
  const first = node.value.slice(open + 4).split("\n")[0] ?? "";
  return `le commentaire ${inGuillemets(`<!--${NBSP}${excerpt(first, 40)}`)} n’est jamais fermé${NBSP}: dans un paragraphe, il s’affiche tel quel aux lecteurs${NNBSP}; fermez-le par --> là où la note s’arrête, ou, pour écrire <!-- tel quel, mettez-le entre accents graves (\`<!--\`)`;
}

function literalMarkdownProblem(node: Html, links: string[]): string | undefined {
  if (VERBATIM_BLOCK.test(node.value)) return undefined;
  const text = node.value.replace(CLOSED_COMMENT, "");
  const found = LITERAL_MARKDOWN.exec(text);
  if (found === null) return undefined;
  for (const [start] of text.matchAll(/\[[^\]\n]+\]\(/g)) links.push(start);
  const tag = /^\s*(<[^>\s]+)[^>]*>/.exec(text)?.[0] ?? "la balise ouvrante";
  const name = /^\s*<([^>\s]+)/.exec(text)?.[1] ?? "…";
  return `le Markdown n’est pas lu à l’intérieur d’un bloc HTML${NBSP}: ${inGuillemets(excerpt(found[0]))} s’afficherait tel quel${NNBSP}; laissez une ligne vide après ${tag.trim()} et une avant </${name}> (le Markdown entre les deux est alors lu), ou écrivez ce passage en HTML`;
}

/** Problems of the text as written that its rendering hides from readers: the module says which. */
export function hiddenText(body: string): HiddenText {
  const problems: string[] = [];
  const linksInHtml: string[] = [];
  if (!MAY_HIDE.test(body)) return { problems, linksInHtml };
  const tree: Root = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const calls = new Set<string>();
  const notes: { identifier: string; label: string; source: string }[] = [];
  visit(tree, (node: Nodes, _index, parent) => {
    if (node.type === "footnoteReference") calls.add(node.identifier);
    else if (node.type === "footnoteDefinition")
      notes.push({ identifier: node.identifier, label: node.label ?? node.identifier, source: sourceOf(body, node) });
    else if (node.type === "table") {
      const columns = node.children[0]?.children.length ?? 0;
      for (const row of node.children.slice(1)) {
        const lost = row.children.slice(columns);
        if (lost.length === 0) continue;
        const cells = lost.map((cell) =>
          inGuillemets(
            excerpt(
              sourceOf(body, cell)
                .trim()
                .replace(/^\||\|$/g, "")
                .trim(),
              40,
            ),
          ),
        );
        problems.push(
          `la ligne de tableau ${inGuillemets(excerpt(sourceOf(body, row), 80))} a ${String(row.children.length)} cellules pour ${String(columns)} colonnes${NBSP}: ${lost.length > 1 ? `ses cellules ${cells.join(", ")} ne s’affichent pas` : `sa cellule ${cells.join("")} ne s’affiche pas`}${NNBSP}; ajoutez la colonne à l’en-tête (et à sa ligne de tirets) ou retirez la cellule`,
        );
      }
    } else if (node.type === "text") {
      const problem = inlineCommentProblem(node);
      if (problem !== undefined) problems.push(problem);
    } else if (node.type === "html" && parent !== undefined && parent.type !== "paragraph") {
      const problem = commentProblem(node) ?? literalMarkdownProblem(node, linksInHtml);
      if (problem !== undefined) problems.push(problem);
    }
  });
  for (const note of notes.filter((n) => !calls.has(n.identifier))) {
    const text = note.source.replace(/^\[\^[^\]]*\]:\s*/, "");
    problems.push(
      `la note [^${note.label}] (${inGuillemets(excerpt(text, 50))}) n’est appelée nulle part${NBSP}: elle ne s’affiche pas${NNBSP}; écrivez [^${note.label}] dans le texte, là où elle s’applique, ou retirez-la`,
    );
  }
  return { problems, linksInHtml };
}
