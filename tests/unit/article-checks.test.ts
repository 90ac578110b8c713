/** Checks of an article's images and rendered text (src/lib/article-checks.ts). */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  bodyProblems,
  dateProblems,
  duplicateTitles,
  imageFileProblem,
  tagSpellings,
} from "../../src/lib/article-checks.ts";
import { linkTargets } from "../../src/lib/link-targets.ts";
import { articleMarkdown } from "../../src/lib/markdown.ts";
import { SITE } from "../../src/config.ts";
import { jpegHeader } from "../image-files.ts";
import { temporaryFolder } from "../temporary-folder.ts";
import { TEMPLATE_SENTENCES } from "../../src/lib/article-template.ts";

const publicDir = temporaryFolder("public-");
mkdirSync(join(publicDir, "images"));
mkdirSync(join(publicDir, "videos"));
for (const file of ["images/photo.heic", "images/photo", "images/vide.jpg", "rss.css", "videos/clip.mp4"]) {
  writeFileSync(join(publicDir, file), "");
}
writeFileSync(join(publicDir, "images/photo.jpg"), jpegHeader(1600, 900));
writeFileSync(join(publicDir, "images/schema.svg"), '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h9"/></svg>');

/** This site's host without www.: a link to it is a link to a page of the site. */
const ownHost = new URL(SITE.url).host.replace(/^www\./, "");

/** The site's own Markdown processor, as the build renders a text. */
const renderer = await articleMarkdown.createRenderer({ syntaxHighlight: false });
const render = (body: string) => renderer.render(body, { fileURL: new URL("file:///content/articles/x.md") });

const site = {
  publicDir,
  now: new Date("2026-11-30T12:00:00+01:00"),
  ...linkTargets([
    {
      slug: "tencent-et-ant-group",
      date: new Date("2020-10-12T14:05:00+02:00"),
      tags: ["Chine", "Paiement mobile", "Réglementation"],
      html: (await render("## Réglementation\n\nUne note[^1].\n\n## Les réactions\n\n[^1]: La note.")).code,
    },
    { slug: "programme", date: new Date("2031-01-12T17:20:00+01:00"), tags: ["Espace", "Chine"], html: "<p>x</p>" },
    { slug: "brouillon", date: "draft", tags: ["Secret"], html: '<h2 id="suite">Suite</h2>' },
  ]),
};
const published = new Date("2026-06-01T08:00:00+02:00");
const messages = (
  body: string,
  html: string,
  headings: { depth: number; text: string }[] = [],
  localImagePaths: string[] = [],
  date = published,
): string[] =>
  bodyProblems(body, { html, headings, localImagePaths }, site, date).map((p) => `${p.field} : ${p.message}`);
/** The problems of a body rendered by the site's own Markdown processor, as the build renders it. */
const rendered = async (body: string, date = published): Promise<string[]> => {
  const { code, metadata } = await render(body);
  return messages(body, code, metadata.headings, metadata.localImagePaths, date);
};

describe("imageFileProblem", () => {
  it("accepts an image file of public/, and an SVG without a size of its own", () => {
    expect(imageFileProblem("/images/photo.jpg", publicDir)).toBeUndefined();
    expect(imageFileProblem("/images/schema.svg", publicDir)).toBeUndefined();
  });
  it("names the formats the site serves when it refuses one", () => {
    expect(imageFileProblem("/images/photo.heic", publicDir)).toContain(
      "formats servis\u00a0: .avif, .gif, .jpeg, .jpg, .png, .svg, .webp",
    );
  });
  it.each([
    ["https://exemple.fr/a.jpg", "adresse externe"],
    ["//cdn.exemple.fr/a.jpg", "adresse externe"],
    [
      "images/photo.jpg",
      "« images/photo.jpg » doit commencer par / : un fichier de public/ s’écrit depuis /, ici /images/photo.jpg",
    ],
    [
      "public/images/photo.jpg",
      "« public/images/photo.jpg » doit commencer par / : un fichier de public/ s’écrit depuis /, ici /images/photo.jpg",
    ],
    ["/images/absente.jpg", "fichier introuvable : public/images/absente.jpg (les images vont dans public/)"],
    // A % that starts no escape is the file name's own (it stopped the build with « URI malformed »).
    ["/images/50%off.jpg", "fichier introuvable : public/images/50%off.jpg (les images vont dans public/)"],
    [
      "/images/Photo.JPG",
      "fichier introuvable : public/images/Photo.JPG ; vouliez-vous dire /images/photo.jpg ? Les majuscules comptent",
    ],
    ["/Images/schema.svg", "vouliez-vous dire /images/schema.svg ?"],
    [
      "/public/images/photo.jpg",
      "fichier introuvable : public/public/images/photo.jpg ; retirez /public du début : écrivez /images/photo.jpg",
    ],
    ["/images/photo.heic", "(.heic) n’est pas un format d’image que le site sert"],
    ["/rss.css", "«\u202f/rss.css\u202f» (.css) n’est pas un format d’image"],
    ["/images/photo", "(sans extension) n’est pas un format d’image"],
    ["/images/vide.jpg", "public/images/vide.jpg n’est pas une image JPG lisible"],
  ])("refuses %j", (image, message) => {
    expect(imageFileProblem(image, publicDir)).toContain(message);
  });
});

describe("bodyProblems", () => {
  it("finds nothing wrong with ordinary prose, code shown as code, and a local image", () => {
    expect(
      messages(
        "Du texte.",
        '<p>Du texte.</p><pre><code>&#x3C;script>alert(1)&#x3C;/script></code></pre><img src="/images/photo.jpg" alt="Une photo">',
        [{ depth: 2, text: "Intertitre" }],
      ),
    ).toEqual([]);
  });

  it.each([
    ["an empty text", "  \n", "", "le texte de l’article est vide"],
    ["the template's text", TEMPLATE_SENTENCES.join("\n"), "<p>…</p>", "garde une phrase du modèle"],
    // Its first sentence replaced, the second left, over two lines as an editor's editor wraps it.
    [
      "a sentence of the template",
      `Mon texte.\n${TEMPLATE_SENTENCES[1].replace(" avant", "\navant")}`,
      "<p>…</p>",
      `garde une phrase du modèle de npm run new, «\u202f${TEMPLATE_SENTENCES[1]}\u202f»`,
    ],
    ["a script", "x", '<p>x</p><script>alert("x")</script>', "l’élément HTML <script> n’est pas permis"],
    ["an iframe", "x", '<iframe src="https://www.youtube.com/embed/x"></iframe>', "<iframe>"],
    ["an event handler", "x", '<p onclick="alert(1)">x</p>', "l’attribut onclick="],
    ["a javascript: link", "x", '<a href="javascript:alert(1)">x</a>', "une adresse javascript:"],
    [
      "an outside image",
      "x",
      '<img src="https://exemple.fr/a.jpg" alt="Une photo">',
      "image\u00a0: « https://exemple.fr/a.jpg »",
    ],
    ["a missing image", "x", '<img src="/images/absente.jpg" alt="Une photo">', "image\u00a0: fichier introuvable"],
    [
      "a missing video",
      "x",
      '<video src="/videos/absente.mp4" controls></video>',
      "vidéo ou son\u00a0: fichier introuvable : public/videos/absente.mp4 (les vidéos et les sons vont dans public/)",
    ],
    [
      "a missing sound",
      "x",
      '<audio src="/sons/absent.mp3" controls></audio>',
      "vidéo ou son\u00a0: fichier introuvable : public/sons/absent.mp3",
    ],
    [
      "an outside video, told of videos, not images",
      "x",
      '<video src="https://exemple.fr/clip.mp4" controls></video>',
      "vidéo ou son\u00a0: « https://exemple.fr/clip.mp4 » est une adresse externe : le site ne charge que ses propres vidéos et sons ; enregistrez le fichier dans public/ (ex. public/videos/clip.mp4",
    ],
  ])("refuses %s", (_, body, html, message) => {
    const found = messages(body, html);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain("texte : ");
    expect(found[0]).toContain(message);
  });

  it("refuses an invisible control character pasted into the text, which would make the feeds unreadable", async () => {
    const found = await rendered("Une ligne.\n\nDeux\u000C pages et un\u0001 signe.\tTabulation permise.\r\n");
    expect(found).toEqual([
      "texte : caractère de contrôle invisible U+000C (saut de page), ligne 3 du texte, dans «\u202fUne ligne. Deux pages et un signe. Tabulation…\u202f»\u00a0: les flux RSS qui le porteraient seraient illisibles\u202f; effacez-le (il vient souvent d’un copier-coller depuis Word ou un PDF)",
      expect.stringContaining("caractère de contrôle invisible U+0001, ligne 3 du texte"),
    ]);
  });

  it("refuses a heading that skips a level after the title or the heading before it, and accepts going back up", async () => {
    expect(await rendered("#### Les réactions\n\nDu texte.")).toEqual([
      "texte : l’intertitre « #### Les réactions » saute 2 niveaux : après le titre de l’article (#), il s’écrit ## (« ## Les réactions ») ; les lecteurs d’écran listent les intertitres par niveau",
    ]);
    expect(await rendered("## Le contexte\n\nDu texte.\n\n#### Le détail\n\nDu texte.")).toEqual([
      "texte : l’intertitre « #### Le détail » saute un niveau : après un intertitre ##, il s’écrit ### (« ### Le détail ») ; les lecteurs d’écran listent les intertitres par niveau",
    ]);
    expect(
      await rendered("## Le contexte\n\n### Le détail\n\n#### Plus bas\n\nDu texte.\n\n## La suite\n\nDu texte."),
    ).toEqual([]);
  });

  it.each([
    ["an HTML comment", "<!-- à écrire -->"],
    ["a link definition and an empty element", "[source]: https://exemple.fr/\n\n<div>&nbsp;</div>"],
  ])("refuses a text with only %s, which shows readers nothing", async (_, body) => {
    expect(await rendered(body)).toEqual([
      expect.stringContaining("le texte de l’article ne montre rien aux lecteurs"),
    ]);
  });

  it("refuses a text with only headings, nothing under them; a heading over a paragraph or a picture is a text", async () => {
    expect(await rendered("## Un intertitre\n\n### Un autre")).toEqual([
      expect.stringContaining("le texte de l’article n’a que des intertitres, sans paragraphe sous eux"),
    ]);
    expect(await rendered("## Un intertitre\n\nDu texte.")).toEqual([]);
    expect(await rendered("## Un intertitre\n\n![Une photo](/images/photo.jpg)")).toEqual([]);
  });

  it.each([
    [
      "an unclosed quotation",
      'Il a dit "bonjour. Puis plus rien.',
      'citation non fermée\u00a0: aucun guillemet fermant (») ne répond au guillemet ouvrant («) dans son paragraphe\u202f; écrivez le guillemet droit " qui la ferme après ses derniers mots (une citation sur plusieurs paragraphes se ferme à la fin de chacun). Le passage\u00a0:\n      Il a dit «\u202fbonjour. Puis plus rien.',
    ],
    [
      "a closing mark that closes nothing",
      'Il a dit bonjour" puis plus rien.',
      'guillemet fermant (») sans citation ouverte\u00a0: aucun guillemet ouvrant («) ne lui répond dans son paragraphe\u202f; écrivez le guillemet droit " qui ouvre la citation avant ses premiers mots, ou retirez le guillemet fermant. Le passage\u00a0:\n      Il a dit bonjour\u202f» puis plus rien.',
    ],
    ["a footnote call with no note", "Une note[^2] absente.", "l’appel de note «\u202f[^2]\u202f» n’a pas de note"],
    [
      "a reference link with no definition",
      "Un [lien][absent] sans définition.",
      "le lien «\u202f[lien][absent]\u202f» renvoie à [absent], que rien ne définit",
    ],
    [
      "an inline link left open",
      "Un [lien cassé](https://exemple.fr et la suite.",
      "le lien «\u202f[lien cassé](https://exemple.fr et la suite.\u202f» n’a pas été lu comme un lien",
    ],
    [
      "a link whose address holds a space",
      "Voir [la page](https://exemple.fr/une page) ici.",
      "le lien «\u202f[la page](https://exemple.fr/une page) ici.\u202f» n’a pas été lu comme un lien",
    ],
  ])("refuses %s, quoting where it is", async (_, body, message) => {
    expect(await rendered(body)).toEqual([expect.stringContaining(message)]);
  });

  it("refuses a quotation that runs over two paragraphs, in each of them", async () => {
    expect(await rendered('"Premier paragraphe.\n\nSecond paragraphe."')).toEqual([
      expect.stringMatching(/^texte : citation non fermée.*\n {6}«\u202fPremier paragraphe\.$/),
      expect.stringMatching(
        /^texte : guillemet fermant \(»\) sans citation ouverte.*\n {6}Second paragraphe\.\u202f»$/,
      ),
    ]);
  });

  it("accepts closed quotations, notes, links and Markdown shown as code", async () => {
    const body = [
      'Il a dit "bonjour" puis "au revoir *à tous*". Un écran de 6,3" et les années \'90.',
      "Une note[^1], un [lien][ok] et [un autre](https://exemple.fr/).",
      'Du code : `[^2]`, `[a][b]`, `[x](y` et `"` seul.',
      '```\n[a][b] [x](y "z\n```',
      "[^1]: La note.\n\n[ok]: https://exemple.fr/",
    ].join("\n\n");
    expect(await rendered(body)).toEqual([]);
  });

  it("reads real tags only: words in an attribute's text or a comment are not elements nor handlers", () => {
    expect(
      messages(
        "x",
        '<p><img src="/images/photo.jpg" alt="La balise <iframe> de YouTube"><a href="/x/" title="Le code onclick=go()">x</a></p><!-- <iframe src="https://exemple.fr/"></iframe> -->',
      ),
    ).toEqual([]);
  });

  it.each([
    ["a single-quoted outside image", "<img src='https://exemple.fr/a.jpg' alt=''>"],
    ["a video poster", '<video poster="https://exemple.fr/a.jpg"></video>'],
    ["a srcset candidate", '<picture><source srcset="/images/photo.jpg 1x, https://exemple.fr/b.jpg 2x"></picture>'],
  ])("refuses %s from outside", (_, html) => {
    expect(messages("x", html).join()).toContain("adresse externe");
  });

  it.each([
    ["in Markdown", "![](/images/photo.jpg)", "![Ce que montre l’image](/images/photo.jpg)"],
    ["in Markdown, blank", "![  ](/images/photo.jpg)", "![Ce que montre l’image](/images/photo.jpg)"],
    [
      "in HTML",
      'Du texte.\n\n<img src="/images/photo.jpg">',
      '<img src="/images/photo.jpg" alt="Ce que montre l’image">',
    ],
    ["in HTML, empty", '<p><img src="/images/photo.jpg" alt="">Du texte.</p>', 'alt="Ce que montre l’image"'],
  ])("refuses an image without alternative text %s, and says how to write one", async (_, body, example) => {
    expect(await rendered(body)).toEqual([
      expect.stringContaining("texte : l’image «\u202f/images/photo.jpg\u202f» n’a pas de texte alternatif"),
    ]);
    expect((await rendered(body)).join()).toContain(example);
  });

  it("reads a tag whole, « > » of a quoted attribute included, and no quotation mark of it as the text's", () => {
    expect(
      messages("x", '<p><img src="/images/photo.jpg" alt="Le score «\u202f5 > 3\u202f»"> et la suite.</p>'),
    ).toEqual([]);
  });

  it("accepts an image described in Markdown or in HTML", async () => {
    expect(await rendered("![Une photo](/images/photo.jpg)")).toEqual([]);
    expect(await rendered('Du texte.\n\n<img src="/images/photo.jpg" alt="Une photo">')).toEqual([]);
  });

  it("refuses an image of a type the site does not serve, and not a video's own file", () => {
    expect(messages("x", '<p><img src="/images/photo.heic" alt="Une photo"></p>')).toEqual([
      expect.stringContaining("(.heic) n’est pas un format d’image"),
    ]);
    expect(messages("x", '<video src="/videos/clip.mp4" poster="/images/photo.jpg"></video><p>x</p>')).toEqual([]);
  });

  it("refuses an image written beside the article, which Astro would look for next to the file", async () => {
    expect(await rendered("![x](images/photo.jpg)")).toEqual([
      expect.stringContaining("« images/photo.jpg » doit commencer par /"),
    ]);
  });

  it("accepts links to the site's articles and pages, other sites, mail and fragments", () => {
    const links = [
      "/articles/tencent-et-ant-group/",
      "/articles/tencent-et-ant-group#les-réactions",
      "/articles/tencent-et-ant-group/#r%C3%A9glementation",
      "/categorie/international/",
      "/categorie/tech/2/",
      "/categorie/reseaux-sociaux/rss.xml",
      `${SITE.url}/articles/tencent-et-ant-group/`,
      `http://${ownHost}/categorie/tech/`,
      "/2020/",
      "/2020/10/",
      "/2020/10/12/",
      "https://exemple.fr/categorie/sport/",
      "https://exemple.fr/a?b=1&amp;c=2",
      "mailto:redaction@digimedia.fr",
      "#newsletter",
      "#top",
      "#",
    ];
    expect(messages("x", links.map((href) => `<a href="${href}">x</a>`).join(""))).toEqual([]);
  });

  it.each([
    ["an article that does not exist", "/articles/iphone-17-test/", "aucun fichier iphone-17-test.md"],
    ["a draft", "/articles/brouillon/", "mène à un brouillon"],
    [
      "an article scheduled after this one",
      "/articles/programme/",
      "mène à un article programmé pour le 12\u00a0janvier 2031 à 17\u00a0h\u00a020, après celui-ci (1er\u00a0juin 2026 à 8\u00a0h)",
    ],
    [
      "an article scheduled after this one, with the date to give this one",
      "/articles/programme/",
      "datez cet article au plus tôt le 12\u00a0janvier 2031 à 17\u00a0h\u00a020",
    ],
    ["a path without its first slash", "articles/tencent-et-ant-group/", "écrivez /articles/tencent-et-ant-group/"],
    ["a path up from the article's page", "../tencent-et-ant-group/", "il mène à /articles/tencent-et-ant-group/"],
    ["a path up twice, with a fragment", "../../categorie/tech/#x", "il mène à /categorie/tech/#x"],
    ["a site without https://", "www.exemple.fr", "https://www.exemple.fr pour un autre site"],
    ["a category that does not exist", "/categorie/sport/", "mène à une rubrique qui n’existe pas"],
    ["a category by its name", "/categorie/R%C3%A9seaux-sociaux/", "écrivez /categorie/reseaux-sociaux/"],
    [
      "this site's article that does not exist, by its full address",
      `${SITE.url}/articles/nexiste-pas/`,
      "aucun fichier nexiste-pas.md",
    ],
    [
      "this site's category that does not exist, without www.",
      `https://${ownHost}/categorie/sport/`,
      "mène à une rubrique qui n’existe pas",
    ],
    ["a year without articles", "/2019/", "aucun article n’est publié en 2019"],
    ["a month without articles", "/2020/09/", "aucun article n’est publié en septembre 2020"],
    ["a day without articles", "/2020/10/13/", "aucun article n’est publié le 13\u00a0octobre 2020"],
    ["a day that does not exist", "/2020/10/40/", "aucun article n’est publié à cette date, qui n’existe pas"],
    [
      "the 29th of February of a common year",
      "/2021/02/29/",
      "aucun article n’est publié à cette date, qui n’existe pas",
    ],
    ["a day whose articles are scheduled after this one", "/2031/01/12/", "programmés après celui-ci"],
  ])("refuses a link to %s", (_, href, message) => {
    expect(messages("x", `<p><a href="${href}">x</a></p>`)).toEqual([expect.stringContaining(message)]);
  });

  it("suggests the article a dead link most likely meant, by the words of its address", () => {
    const said = (href: string): string[] => messages("x", `<p><a href="${href}">x</a></p>`);
    expect(said("/articles/tencent-et-ant-groupe/")).toEqual([
      expect.stringContaining(
        "mène à un article qui n’existe pas (aucun fichier tencent-et-ant-groupe.md) ; vouliez-vous dire /articles/tencent-et-ant-group/ ?",
      ),
    ]);
    expect(said("/articles/tencent/")).toEqual([expect.stringMatching(/n’existe pas \(aucun fichier tencent\.md\)$/)]);
    // Never a draft, which a link may not lead to.
    expect(said("/articles/brouillon-x/")).toEqual([expect.stringMatching(/\.md\)$/)]);
  });

  it("dates an article written without a time by its day alone, as its page does (never « à 0 h »)", () => {
    const dateOnly = new Date("2026-06-01T00:00:00+02:00");
    expect(messages("x", '<p><a href="/articles/programme/">x</a></p>', [], [], dateOnly)).toEqual([
      expect.stringContaining("après celui-ci (1er\u00a0juin 2026) : ses lecteurs"),
    ]);
  });

  it("reads a link's and an image's address as the reader's browser does, & and not &amp;", async () => {
    expect(await rendered("[x](/articles/nexiste-pas/?a=1&b=2)")).toEqual([
      expect.stringContaining("le lien « /articles/nexiste-pas/?a=1&b=2 » mène à un article qui n’existe pas"),
    ]);
    expect(messages("x", '<p><a href="/articles/nexiste-pas/?a=1&amp;b=2">x</a></p>')).toEqual([
      expect.stringContaining("le lien « /articles/nexiste-pas/?a=1&b=2 » mène à un article qui n’existe pas"),
    ]);
    expect(await rendered("![](/images/absente.jpg?a=1&b=2)")).toEqual([
      expect.stringContaining('<img src="/images/absente.jpg?a=1&b=2" alt="Ce que montre l’image">'),
      expect.stringContaining("image\u00a0: fichier introuvable"),
    ]);
  });

  it("accepts a link from an older article to a newer one already published", () => {
    const link = `<p><a href="/articles/tencent-et-ant-group/">la suite</a></p>`;
    expect(messages("x", link, [], [], new Date("2019-03-01T10:00:00+01:00"))).toEqual([]);
  });

  it("accepts a link to a scheduled article, or its day, from one that appears with it or after it", () => {
    const link = `<p><a href="/articles/programme/">x</a> <a href="/2031/01/12/">x</a></p>`;
    expect(messages("x", link, [], [], new Date("2031-01-12T17:20:00+01:00"))).toEqual([]);
    expect(messages("x", link, [], [], new Date("2031-02-01T00:00:00+01:00"))).toEqual([]);
  });

  it("refuses a # heading, which would be a second h1, and says to use ##", () => {
    expect(messages("# Titre\n\nx", "<h1>Titre</h1>\n<p>x</p>", [{ depth: 1, text: "Titre" }])).toEqual([
      expect.stringContaining("« ## Titre »"),
    ]);
  });

  // What the rendering hides without a word: the build refuses it, saying what readers would miss (hidden-text.ts).
  it("refuses an HTML comment never closed, which hides the rest of the article", async () => {
    const problems = await rendered("Début.\n\n<!-- note : vérifier le chiffre\n\n## Conclusion\n\nFin de l’article.");
    expect(problems).toEqual([
      "texte : le commentaire «\u202f<!--\u00a0note : vérifier le chiffre\u202f» n’est jamais fermé\u00a0: tout ce qui le suit, jusqu’à la fin de l’article (5 lignes), est caché aux lecteurs\u202f; fermez-le par --> là où la note s’arrête",
    ]);
    expect(await rendered("Début.\n\n<!-- note -->\n\nFin, et `<!--` en code.")).toEqual([]);
  });

  it("refuses an HTML comment opened inside a paragraph and never closed, which readers would see as typed", async () => {
    expect(await rendered("Et là <!-- pas fermée\n\nfin.")).toEqual([
      "texte : le commentaire «\u202f<!--\u00a0pas fermée\u202f» n’est jamais fermé\u00a0: dans un paragraphe, il s’affiche tel quel aux lecteurs\u202f; fermez-le par --> là où la note s’arrête, ou, pour écrire <!-- tel quel, mettez-le entre accents graves (`<!--`)",
    ]);
    expect(await rendered("Et là <!-- une note --> puis la suite.")).toEqual([]);
  });

  it("refuses a tag no browser knows, or one that hides its text, typed in a sentence", async () => {
    const problems = await rendered(
      "Remplacez <votre-email> par votre adresse dans <fichier>. La balise <title> compte.",
    );
    expect(problems).toEqual([
      "texte : «\u202f<votre-email>\u202f» est lu comme une balise HTML inconnue\u00a0: les lecteurs ne la voient pas\u202f; pour écrire <votre-email> tel quel, mettez-le entre accents graves (`<votre-email>`) ou écrivez \\< au lieu de <",
      "texte : «\u202f<fichier>\u202f» est lu comme une balise HTML inconnue\u00a0: les lecteurs ne la voient pas\u202f; pour écrire <fichier> tel quel, mettez-le entre accents graves (`<fichier>`) ou écrivez \\< au lieu de <",
      "texte : «\u202f<title>\u202f» est lu comme une balise HTML\u00a0: les lecteurs ne la voient pas, ni le texte qui la suit\u202f; pour écrire <title> tel quel, mettez-le entre accents graves (`<title>`) ou écrivez \\< au lieu de <",
    ]);
    // As the message says to write them, and HTML the site knows, an inline SVG's own elements.
    expect(await rendered('Remplacez `<votre-email>` ou \\<fichier>, <abbr title="x">X</abbr>.')).toEqual([]);
    expect(
      await rendered(
        'Un schéma\u00a0:\n\n<svg viewBox="0 0 9 9" role="img" aria-label="Carré"><rect width="9" height="9"/></svg>',
      ),
    ).toEqual([]);
  });

  it("refuses an image's title that would show nowhere: in a sentence, it is no caption", async () => {
    expect(await rendered('Avant ![Logo](/images/photo.jpg "Crédit : Orange") après.')).toEqual([
      "texte : l’image «\u202f/images/photo.jpg\u202f» a un titre, «\u202fCrédit\u00a0: Orange\u202f», que les lecteurs ne verraient pas\u00a0: une image ne montre son titre en légende que seule dans son paragraphe (une ligne vide avant et après)\u202f; placez-la ainsi, ou écrivez ce titre dans le texte",
    ]);
    expect(await rendered('Avant.\n\n![Logo](/images/photo.jpg "Crédit : Orange")\n\nAprès.')).toEqual([]);
  });

  it("refuses a table row longer than its header, a note nothing calls, and Markdown inside a block of HTML", async () => {
    expect(await rendered("| A | B |\n|---|---|\n| Orange | 40 millions | en hausse |\n| Free | 8 millions |")).toEqual(
      [
        "texte : la ligne de tableau «\u202f| Orange | 40 millions | en hausse |\u202f» a 3 cellules pour 2 colonnes\u00a0: sa cellule «\u202fen hausse\u202f» ne s’affiche pas\u202f; ajoutez la colonne à l’en-tête (et à sa ligne de tirets) ou retirez la cellule",
      ],
    );
    expect(await rendered("Texte[^1].\n\n[^1]: Note un.\n\n[^3]: Note orpheline.")).toEqual([
      "texte : la note [^3] («\u202fNote orpheline.\u202f») n’est appelée nulle part\u00a0: elle ne s’affiche pas\u202f; écrivez [^3] dans le texte, là où elle s’applique, ou retirez-la",
    ]);
    // The link typed there is not told of as a link left open: its parenthesis is closed.
    expect(await rendered('Avant.\n\n<div class="encadre">\nlisez la [fiche](/a-propos/), **vite**.\n</div>')).toEqual([
      'texte : le Markdown n’est pas lu à l’intérieur d’un bloc HTML\u00a0: «\u202f[fiche](/a-propos/)\u202f» s’afficherait tel quel\u202f; laissez une ligne vide après <div class="encadre"> et une avant </div> (le Markdown entre les deux est alors lu), ou écrivez ce passage en HTML',
    ]);
    expect(
      await rendered('Avant.\n\n<div class="encadre">\n\nlisez la [fiche](/a-propos/), **vite**.\n\n</div>'),
    ).toEqual([]);
  });
});

describe("links to tags", () => {
  it("accepts a tag an article out by then has, by its page, a later page, its address, with a query or a fragment", () => {
    const links = [
      "/tag/",
      "/tag/chine/",
      "/tag/paiement-mobile/2/",
      "/tag/reglementation/?ref=lettre",
      "/tag/chine/#liste",
      `${SITE.url}/tag/chine/`,
      `https://${ownHost}/tag/paiement-mobile/`,
    ];
    expect(messages("x", links.map((href) => `<a href="${href}">x</a>`).join(""))).toEqual([]);
  });

  it.each([
    [
      "no article has",
      "/tag/football/",
      "le lien «\u202f/tag/football/\u202f» mène à une étiquette qu’aucun article publié ne porte\u00a0: l’adresse d’une étiquette est son nom tel qu’un article l’écrit dans tags, en minuscules, sans accents, mots séparés par des tirets («\u202fPaiement mobile\u202f»\u00a0: /tag/paiement-mobile/)",
    ],
    [
      "by its label, capitals and accents",
      "/tag/R%C3%A9glementation/",
      "le lien «\u202f/tag/Réglementation/\u202f» mène à une page d’étiquette qui n’existe pas\u00a0: écrivez /tag/reglementation/ (l’adresse d’une étiquette est en minuscules, sans accents, mots séparés par des tirets)",
    ],
    ["by its label, a later page", "/tag/Paiement%20mobile/2/", "écrivez /tag/paiement-mobile/2/"],
    ["by a word of it", "/tag/paiement/", "vouliez-vous dire /tag/paiement-mobile/\u00a0? L’adresse d’une étiquette"],
    ["by its full address", `${SITE.url}/tag/football/`, "mène à une étiquette qu’aucun article publié ne porte"],
    [
      "only drafts have",
      "/tag/secret/",
      "mène à une étiquette que seuls des brouillons (draft: true) portent\u00a0: sa page n’existe pas tant qu’aucun article publié ne la porte\u202f; retirez le lien",
    ],
    [
      "only articles scheduled after this one have",
      "/tag/espace/",
      "mène à une étiquette dont les articles sont tous programmés après celui-ci (1er\u00a0juin 2026 à 8\u00a0h), le premier pour le 12\u00a0janvier 2031 à 17\u00a0h\u00a020\u00a0: ses lecteurs tomberaient sur une page introuvable jusque-là\u202f; retirez le lien, ou datez cet article au plus tôt le 12\u00a0janvier 2031 à 17\u00a0h\u00a020",
    ],
  ])("refuses a link to a tag %s", (_, href, message) => {
    expect(messages("x", `<p><a href="${href}">x</a></p>`)).toEqual([expect.stringContaining(message)]);
  });

  it("accepts a tag of scheduled articles from one that appears with the first of them or after it", () => {
    const link = '<p><a href="/tag/espace/">x</a></p>';
    expect(messages("x", link, [], [], new Date("2031-01-12T17:20:00+01:00"))).toEqual([]);
    expect(messages("x", link, [], [], new Date("2031-01-12T17:19:00+01:00"))).toEqual([
      expect.stringContaining("programmés après celui-ci"),
    ]);
  });

  it("reads a tag as its page is named: by its slug, spelt any way, from articles that are not drafts", () => {
    const { tags } = linkTargets([
      { slug: "a", date: new Date("2024-01-02T00:00:00Z"), tags: ["États-Unis", "C++"], html: undefined },
      { slug: "b", date: new Date("2023-01-01T00:00:00Z"), tags: ["etats-unis"], html: undefined },
      { slug: "c", date: "draft", tags: ["États-Unis", "Brouillon"], html: undefined },
    ]);
    expect(tags).toEqual(
      new Map<string, Date | "draft">([
        ["etats-unis", new Date("2023-01-01T00:00:00Z")],
        ["c-plus-plus", new Date("2024-01-02T00:00:00Z")],
        ["brouillon", "draft"],
      ]),
    );
  });
});

describe("links to anchors", () => {
  it("accepts an anchor of the text: a heading's id with its accents, typed or encoded, a note, an id of HTML", async () => {
    const body = [
      '## Réglementation\n\nUne note[^1], <span id="chiffres">des chiffres</span>, <a name="ancien">x</a>.',
      "Voir [plus haut](#réglementation), [encodé](#r%C3%A9glementation), [la note](#fn-1),",
      "[les chiffres](#chiffres), [l’ancien](#ancien), [la lettre](#newsletter), [le haut](#top), [un passage](#:~:text=note).",
      "[^1]: La note.",
    ].join("\n\n");
    expect(await rendered(body)).toEqual([]);
  });

  it.each([
    [
      "without its accents",
      "## Réglementation\n\nVoir [plus haut](#reglementation).",
      "le lien «\u202f#reglementation\u202f» mène à une ancre qui n’existe pas dans cet article\u00a0: aucun élément n’y a l’id «\u202freglementation\u202f»\u202f; vouliez-vous dire #réglementation\u00a0? Une ancre s’écrit exactement comme l’id de son intertitre, accents compris",
    ],
    [
      "encoded, with a capital",
      "## Réglementation\n\nVoir [plus haut](#R%C3%A9glementation).",
      "le lien «\u202f#Réglementation\u202f» mène à une ancre qui n’existe pas dans cet article\u00a0: aucun élément n’y a l’id «\u202fRéglementation\u202f»\u202f; vouliez-vous dire #réglementation\u00a0?",
    ],
    [
      "that is no heading",
      "## Réglementation\n\n## Les réactions\n\nVoir [plus haut](#prix).",
      "aucun élément n’y a l’id «\u202fprix\u202f»\u202f; les ancres de ses intertitres sont #réglementation et #les-réactions (l’ancre d’un intertitre est son texte en minuscules, accents gardés, sans ponctuation, mots séparés par des tirets)",
    ],
    [
      "in a text without headings",
      "Voir [la suite](#suite).",
      "mène à une ancre qui n’existe pas dans cet article\u00a0: aucun élément n’y a l’id «\u202fsuite\u202f»\u202f; cet article n’a pas d’intertitre (##)\u00a0: retirez le lien",
    ],
    [
      "after a query",
      "## Réglementation\n\nVoir [plus haut](?version=2#reglementation).",
      "vouliez-vous dire ?version=2#réglementation\u00a0?",
    ],
  ])("refuses an anchor of the text %s, and says which exist", async (_, body, message) => {
    expect(await rendered(body)).toEqual([expect.stringContaining(message)]);
  });

  it("lists eight headings at most", async () => {
    const body = Array.from({ length: 10 }, (_, i) => `## Partie ${String(i + 1)}`).join("\n\n");
    expect(await rendered(`${body}\n\n[x](#partie-11)`)).toEqual([
      expect.stringContaining(
        "les ancres de ses intertitres sont #partie-1, #partie-2, #partie-3, #partie-4, #partie-5, #partie-6, #partie-7, #partie-8 et 2 autres (",
      ),
    ]);
  });

  it("accepts an anchor of another article, typed, encoded, after a query, by its address, or of its page", async () => {
    const links = [
      "[a](/articles/tencent-et-ant-group/#réglementation)",
      "[b](/articles/tencent-et-ant-group#les-réactions)",
      `[c](${SITE.url}/articles/tencent-et-ant-group/#r%C3%A9glementation)`,
      "[d](/articles/tencent-et-ant-group/?ref=lettre#les-réactions)",
      "[e](/articles/tencent-et-ant-group/#fn-1)",
      "[f](/articles/tencent-et-ant-group/#newsletter)",
    ];
    expect(await rendered(links.join(" "))).toEqual([]);
  });

  it.each([
    [
      "without its accents",
      "/articles/tencent-et-ant-group/#reglementation",
      "le lien «\u202f/articles/tencent-et-ant-group/#reglementation\u202f» mène à une ancre qui n’existe pas dans l’article /articles/tencent-et-ant-group/\u00a0: aucun élément n’y a l’id «\u202freglementation\u202f»\u202f; vouliez-vous dire /articles/tencent-et-ant-group/#réglementation\u00a0?",
    ],
    [
      "after a query, by its full address",
      `${SITE.url}/articles/tencent-et-ant-group/?ref=lettre#les-reactions`,
      `vouliez-vous dire ${SITE.url}/articles/tencent-et-ant-group/?ref=lettre#les-réactions\u00a0?`,
    ],
    [
      "that is no heading",
      "/articles/tencent-et-ant-group/#prix",
      "aucun élément n’y a l’id «\u202fprix\u202f»\u202f; les ancres de ses intertitres sont #réglementation et #les-réactions",
    ],
    [
      "that has no headings",
      "/articles/programme/#suite",
      "dans l’article /articles/programme/\u00a0: aucun élément n’y a l’id «\u202fsuite\u202f»\u202f; il n’a pas d’intertitre (##)\u00a0: écrivez /articles/programme/ sans ancre",
    ],
  ])("refuses an anchor of another article %s, and says which exist", async (_, href, message) => {
    const later = new Date("2031-02-01T00:00:00+01:00");
    expect(await rendered(`Voir [l’article](${href}).`, later)).toEqual([expect.stringContaining(message)]);
  });

  it("says only that a draft is a draft, whatever its anchors", async () => {
    expect(await rendered("[x](/articles/brouillon/#nulle-part)")).toEqual([
      expect.stringContaining("mène à un brouillon (draft: true)"),
    ]);
  });

  it("reads no anchor of an article whose text was not rendered", () => {
    const { anchors } = linkTargets([{ slug: "a", date: new Date(), tags: [], html: undefined }]);
    expect(anchors("a")).toBeUndefined();
    expect(anchors("inconnu")).toBeUndefined();
  });
});

describe("linkTargets", () => {
  it("indexes each year, month and day that has an article by its first one, in Paris time, drafts aside", () => {
    const { archives } = linkTargets([
      { slug: "a", date: new Date("2021-01-05T10:00:00Z"), tags: [], html: undefined },
      { slug: "b", date: new Date("2020-12-31T23:30:00Z"), tags: [], html: undefined },
      { slug: "c", date: "draft", tags: [], html: undefined },
    ]);
    expect(archives).toEqual(
      new Map([
        ["2021", new Date("2020-12-31T23:30:00Z")],
        ["2021/01", new Date("2020-12-31T23:30:00Z")],
        ["2021/01/01", new Date("2020-12-31T23:30:00Z")],
        ["2021/01/05", new Date("2021-01-05T10:00:00Z")],
      ]),
    );
  });
});

describe("dateProblems", () => {
  const now = new Date("2026-06-01T10:00:00Z");
  it("refuses an update dated after the build, on a published article", () => {
    expect(dateProblems(new Date("2026-05-01"), new Date("2099-01-01"), now)).toEqual([
      expect.objectContaining({
        field: "updated",
        message: expect.stringContaining(
          "la date de mise à jour (updated), le 1er\u00a0janvier 2099 à 1\u00a0h, est dans le futur : ce build a lieu le 1er\u00a0juin 2026 à 12\u00a0h",
        ) as string,
      }),
    ]);
  });
  it("accepts a past update, none, and a scheduled article's own dates", () => {
    expect(dateProblems(new Date("2026-05-01"), new Date("2026-05-02"), now)).toEqual([]);
    expect(dateProblems(new Date("2026-05-01"), undefined, now)).toEqual([]);
    expect(dateProblems(new Date("2026-07-01"), new Date("2026-07-02"), now)).toEqual([]);
  });
});

describe("duplicateTitles", () => {
  const n = "\u202f";

  it("names the files that share a title, whatever its case, spaces and apostrophe", () => {
    expect(
      duplicateTitles([
        { file: "content/articles/b.md", title: "L’Arcep  défend la 5G" },
        { file: "content/articles/seul.md", title: "Un titre à lui" },
        { file: "content/articles/a.md", title: "l'Arcep défend la 5G " },
      ]),
    ).toBe(
      "Un titre porté par plusieurs articles (les lecteurs, les moteurs de recherche et la recherche du site ne les " +
        "distinguent pas ; changez-en un si ce n’est pas voulu) :\n" +
        `  - «${n}L’Arcep  défend la 5G${n}» : content/articles/a.md, content/articles/b.md`,
    );
  });

  it("says nothing when every title is its own", () => {
    expect(
      duplicateTitles([
        { file: "a.md", title: "Apple lance l’iPhone" },
        { file: "b.md", title: "Apple lance l’iPad" },
      ]),
    ).toBeUndefined();
  });

  it("lists ten titles, then counts the others", () => {
    const articles = Array.from({ length: 13 }, (_, i) => [
      { file: `${String(i)}-a.md`, title: `Titre ${String(i)}` },
      { file: `${String(i)}-b.md`, title: `Titre ${String(i)}` },
    ]).flat();
    const lines = duplicateTitles(articles)?.split("\n") ?? [];
    expect(lines[0]).toMatch(/^13\u00a0titres portés par plusieurs articles/);
    expect(lines).toHaveLength(12);
    expect(lines.at(-1)).toBe("  … et 3 autres");
  });
});

describe("tagSpellings", () => {
  const n = "\u202f";

  it("names the rarer spellings of a tag and their files, after the commonest", () => {
    expect(
      tagSpellings([
        { file: "a.md", tags: ["Mistral AI", "IA"] },
        { file: "b.md", tags: ["Mistral AI"] },
        { file: "c.md", tags: ["mistral AI", "iPhone"] },
        { file: "d.md", tags: ["IA", "iphone"] },
      ]),
    ).toBe(
      "2\u00a0étiquettes écrites de plusieurs façons (une seule page les réunit, mais chaque article montre la sienne ; " +
        "harmonisez-les si ce n’est pas voulu) :\n" +
        `  - «${n}Mistral AI${n}» (2\u00a0articles) et «${n}mistral AI${n}» dans c.md\n` +
        `  - «${n}iPhone${n}» (1\u00a0article) et «${n}iphone${n}» dans d.md`,
    );
  });

  it("says nothing when every tag is spelt one way", () => {
    expect(
      tagSpellings([
        { file: "a.md", tags: ["IA", "IA"] },
        { file: "b.md", tags: ["IA"] },
      ]),
    ).toBeUndefined();
  });
});
