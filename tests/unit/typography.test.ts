import { describe, expect, it } from "vitest";
import { frenchSpacing, frenchTypography, markPrimes, smartQuotes } from "../../src/lib/typography.ts";
import { markdownProcessor } from "../../src/lib/markdown.ts";

const N = "\u202f"; // narrow no-break space
const S = "\u00a0"; // no-break space

describe("frenchSpacing", () => {
  it.each([
    ["Bonjour !", `Bonjour${N}!`],
    ["Bonjour!", `Bonjour${N}!`],
    ["Pourquoi ?", `Pourquoi${N}?`],
    ["Un point ; puis un autre", `Un point${N}; puis un autre`],
    ["Note : voici", `Note${S}: voici`],
    ["Note: voici", `Note${S}: voici`],
    ["Vraiment !?", `Vraiment${N}!?`],
    ["Quoi ?!", `Quoi${N}?!`],
    ["« bonjour »", `«${N}bonjour${N}»`],
    ["«bonjour»", `«${N}bonjour${N}»`],
    ["(?)", "(?)"],
    ["Rendez-vous à 10:30 précises", "Rendez-vous à 10:30 précises"],
    ["Le ratio 3:2 reste", "Le ratio 3:2 reste"],
    ["Voir https://example.com/?q=1&a=b:c pour tout", "Voir https://example.com/?q=1&a=b:c pour tout"],
    ["Voir https://example.com/a?b=1 !", `Voir https://example.com/a?b=1${N}!`],
    ["Écrire à mailto:redaction@digimedia.fr ?", `Écrire à mailto:redaction@digimedia.fr${N}?`],
    ["www.digimedia.fr?x=1", "www.digimedia.fr?x=1"],
    [`Déjà espacé${N}? Oui${S}: bien`, `Déjà espacé${N}? Oui${S}: bien`],
    [`Espace insécable mal choisie${S}!`, `Espace insécable mal choisie${N}!`],
    // A question or an exclamation that ends a quotation is spaced from the guillemet too.
    ["« Vraiment ?» et « Non !»", `«${N}Vraiment${N}?${N}» et «${N}Non${N}!${N}»`],
    ["« ah ?! »", `«${N}ah${N}?!${N}»`],
  ])("spaces %j as %j", (input, expected) => {
    expect(frenchSpacing(input)).toBe(expected);
  });

  it("keeps a day and its month on one line", () => {
    expect(frenchSpacing("le 17 septembre dernier, le 1er octobre, en 2020 mai")).toBe(
      `le 17${S}septembre dernier, le 1er${S}octobre, en 2020 mai`,
    );
  });

  it.each([
    ["10 000 lecteurs, 1 000 000 $ et 2 500,75 €", `10${N}000 lecteurs, 1${N}000${N}000${S}$ et 2${N}500,75${S}€`],
    ["3,5 % des 12 Go, à 20 °C", `3,5${N}% des 12${S}Go, à 20${S}°C`],
    ["à 14 h 30 ou vers 9 h", `à 14${S}h${S}30 ou vers 9${S}h`],
    [
      "gravé en 3 nm, 48 Mpx, 45 W, à 40 Gbit/s et 90 dB",
      `gravé en 3${S}nm, 48${S}Mpx, 45${S}W, à 40${S}Gbit/s et 90${S}dB`,
    ],
    [
      "-5 °C la nuit (-3 %), de 2019-2020 à Windows 10-11",
      `\u22125${S}°C la nuit (\u22123${N}%), de 2019-2020 à Windows 10-11`,
    ],
    ["M. Dupont, Mme Curie, n° 5, au XIXe siècle", `M.${S}Dupont, Mme${S}Curie, n°${S}5, au XIXe${S}siècle`],
  ])("keeps a number with its groups and its unit, and a title with its name: %j", (input, expected) => {
    expect(frenchSpacing(input)).toBe(expected);
  });

  it.each([
    ["en 2019 100 personnes", "a year then a number"],
    ["Le 6 et Ce 12", "words that look like Roman ordinals"],
    ["la version 2.0 100 fois", "a version"],
    ["les 3 sont là, M. le ministre", "a unit-like word, a title before a lower-case word"],
  ])("leaves %j alone (%s)", (input) => {
    expect(frenchSpacing(input)).toBe(input);
  });

  it("is idempotent", () => {
    const text = "Il a dit : « oui ! » ; vraiment ?! Voir https://ex.fr/?a=1 à 10:30.";
    const once = frenchSpacing(text);
    expect(frenchSpacing(once)).toBe(once);
  });

  it("uses the text before a split (markup) to space punctuation at the start of a text", () => {
    expect(frenchSpacing("!", "vrai")).toBe(`${N}!`);
    expect(frenchSpacing(" suite", `«${N}`)).toBe("suite");
  });
});

describe("smartQuotes and frenchTypography", () => {
  it("turns straight quotes into guillemets and apostrophes into ’", () => {
    expect(smartQuotes(`Il a dit "bonjour" et c'est tout`)).toBe("Il a dit «bonjour» et c’est tout");
    expect(frenchTypography(`Il a dit "bonjour" et c'est tout`)).toBe(`Il a dit «${N}bonjour${N}» et c’est tout`);
  });
  it("keeps a title that is already typographed", () => {
    const title = "Tencent et Ant Group dans la ligne de mire des États-Unis";
    expect(frenchTypography(title)).toBe(title);
  });
  it("opens a quotation that touches a hyphen, a dash or an apostrophe", () => {
    expect(frenchTypography(`X, l'ex-"Twitter", change ; L'"IA" d'"Apple" ; —"Bonjour", dit-il`)).toBe(
      `X, l’ex-«${N}Twitter${N}», change${N}; L’«${N}IA${N}» d’«${N}Apple${N}»${N}; —«${N}Bonjour${N}», dit-il`,
    );
  });

  it("sets quotations in single quotes as French does: “ ” inside a quotation, « » outside", () => {
    expect(frenchTypography(`"Il m'a dit 'non'" !`)).toBe(`«${N}Il m’a dit “non”${N}»${N}!`);
    expect(frenchTypography(`"C'est 'génial', l'outil d'Apple"`)).toBe(`«${N}C’est “génial”, l’outil d’Apple${N}»`);
    expect(frenchTypography(`Le mot 'cloud' et l'IA d'aujourd'hui.`)).toBe(
      `Le mot «${N}cloud${N}» et l’IA d’aujourd’hui.`,
    );
    expect(frenchTypography(`Ils disent 'l'IA' : voilà.`)).toBe(`Ils disent «${N}l’IA${N}»${S}: voilà.`);
  });
});

describe("signs typed against their figure", () => {
  it.each([
    [`une hausse de 5,7% contre 4,1 % et 2‰`, `une hausse de 5,7${N}% contre 4,1${N}% et 2${N}‰`],
    [`Prix: 5€, 20°C, 2Go, 3,2GHz, 5000mAh`, `Prix${S}: 5${S}€, 20${S}°C, 2${S}Go, 3,2${S}GHz, 5000${S}mAh`],
    [`à 14h30, à 19h00 et à 8h`, `à 14${S}h${S}30, à 19${S}h${S}00 et à 8${S}h`],
    // Names that end in a letter after a figure are not signs.
    [
      `l'iPhone 5s, la 4G, la puce M4, le H100, 1080p et 24h/24`,
      `l’iPhone 5s, la 4G, la puce M4, le H100, 1080p et 24h/24`,
    ],
    // Nor an hour that is part of a larger number.
    [`le 3,5h et 125h`, `le 3,5h et 125h`],
  ])("sets %j as %j", (input, expected) => {
    expect(frenchTypography(input)).toBe(expected);
  });
});

describe("dashes between spaces", () => {
  it.each([
    // A hyphen typed as a dash becomes one; a lone dash keeps the words after it.
    [`Apple - la keynote`, `Apple –${S}la keynote`],
    [`Il a -- selon lui -- tout vu.`, `Il a —${S}selon lui${S}— tout vu.`],
    [
      `Il a - selon lui - tout vu. Puis - enfin - rien.`,
      `Il a –${S}selon lui${S}– tout vu. Puis –${S}enfin${S}– rien.`,
    ],
    [`5 % - voilà`, `5${N}% –${S}voilà`],
    // Hyphens inside words and dashes without spaces are left alone.
    [`Le Wi-Fi 7 et l'USB-C`, `Le Wi-Fi 7 et l’USB-C`],
  ])("sets %j as %j", (input, expected) => {
    expect(frenchTypography(input)).toBe(expected);
  });

  it("pairs the dashes of an aside across inline markup (the text before it in the paragraph)", () => {
    expect(frenchSpacing(" – tout vu.", `Il a – selon lui`)).toBe(`${S}– tout vu.`);
  });
});

describe("inch marks and elided years", () => {
  it.each([
    [`Un écran de 6,3" et un autre de 13".`, "Un écran de 6,3″ et un autre de 13″."],
    [`Un 27" 4K, dit-il : "génial".`, `Un 27″ 4K, dit-il${S}: «${N}génial${N}».`],
    [`"Le 6,1" est le meilleur", selon lui.`, `«${N}Le 6,1″ est le meilleur${N}», selon lui.`],
    [`L'écran de 6,1", dit-il, "est parfait".`, `L’écran de 6,1″, dit-il, «${N}est parfait${N}».`],
    [`Les années '90 et l'été '69.`, "Les années ’90 et l’été ’69."],
    [`Le "Pixel 5" a un écran de 6" seulement`, `Le «${N}Pixel 5${N}» a un écran de 6″ seulement`],
    [
      `Le "Galaxy S21" et son écran de 6,2" face au "Pixel 5".`,
      `Le «${N}Galaxy S21${N}» et son écran de 6,2″ face au «${N}Pixel 5${N}».`,
    ],
  ])("reads %j as %j", (input, expected) => {
    expect(frenchTypography(input)).toBe(expected);
  });

  it.each([
    [`Il a dit "j'ai 20" puis "bon".`, `Il a dit «${N}j’ai 20${N}» puis «${N}bon${N}».`],
    [`Le "6,1" et le "6,7" sont là.`, `Le «${N}6,1${N}» et le «${N}6,7${N}» sont là.`],
    [`"13"`, `«${N}13${N}»`],
    [`Il a dit "j'ai 20".`, `Il a dit «${N}j’ai 20${N}».`],
    [`Le mot 'rien' et '2024.`, `Le mot «${N}rien${N}» et ‘2024.`],
  ])("still closes a quotation that ends on a figure: %j", (input, expected) => {
    expect(frenchTypography(input)).toBe(expected);
  });

  it.each([
    // Pasted from Word or Google Docs set to English: their curly quotes become guillemets.
    [`Il a dit “c'est fini” !`, `Il a dit «${N}c’est fini${N}»${N}!`],
    [`„Bonjour“ et “ merci ”`, `«${N}Bonjour${N}» et «${N}merci${N}»`],
    // Inside a quotation they are the inner quotes French keeps: no « « » ».
    [`Il a dit "elle a écrit “non” hier".`, `Il a dit «${N}elle a écrit “non” hier${N}».`],
    [`«Il a dit “non”»`, `«${N}Il a dit “non”${N}»`],
    [`“Il a dit “non” hier”`, `«${N}Il a dit “non” hier${N}»`],
    // A lone ” after a figure is Word's inch mark (it writes 6,3" as 6,3”).
    [`Un écran de 6,3” et “rien”.`, `Un écran de 6,3″ et «${N}rien${N}».`],
    // Left open, it opens a « that the build then reports as a quotation left open.
    [`Il a dit “non`, `Il a dit «${N}non`],
  ])("turns pasted curly quotes %j into %j", (input, expected) => {
    expect(frenchTypography(input)).toBe(expected);
  });

  it("keeps the length of the text (remark-primes slices it back into its nodes)", () => {
    const text = `"Le 6,1" est le meilleur" des années '90, “oui”`;
    expect(markPrimes(text)).toHaveLength(text.length);
  });
});

// The first render builds the whole pipeline (Shiki's grammars included): seconds on a loaded machine.
describe("article bodies (the site's Markdown processor)", { timeout: 20_000 }, () => {
  const render = async (md: string): Promise<string> => {
    const renderer = await markdownProcessor.createRenderer({ syntaxHighlight: false });
    return (await renderer.render(md)).code;
  };

  it("applies guillemets, apostrophes and spaces to prose", async () => {
    const html = await render(`Il l'a dit : "c'est fini" ! Et alors ?`);
    expect(html).toContain(`Il l’a dit${S}: «${N}c’est fini${N}»${N}! Et alors${N}?`);
  });

  it("never touches code spans, code blocks or link targets", async () => {
    const html = await render("Tapez `a:b ? c!` puis [lien](https://ex.fr/?q=1:2) !\n\n```\nx : y ?\n```");
    expect(html).toContain("<code>a:b ? c!</code>");
    expect(html).toContain('href="https://ex.fr/?q=1:2"');
    expect(html).toContain(`</a>${N}!`);
    expect(html).toContain("x : y ?\n");
  });

  it("turns curly quotes pasted from a word processor into guillemets, across inline markup", async () => {
    const html = await render(`Il a dit “c'est **fini**” et „*non*“.`);
    expect(html).toContain(`Il a dit «${N}c’est <strong>fini</strong>${N}» et «${N}<em>non</em>${N}».`);
  });

  it("writes a minus for a hyphen before a figure, not for one right after a link's word", async () => {
    const html = await render("Il fait -5 °C, voir [le tableau](/a-propos/)-2 et **hier** -3 %.");
    expect(html).toContain("Il fait \u22125\u00a0°C");
    expect(html).toContain("le tableau</a>-2");
    expect(html).toContain("<strong>hier</strong> \u22123\u202f%");
  });

  it("sets single quotes and the dashes of an aside across inline markup", async () => {
    const html = await render(`"C'est *'génial'*" - dit-il - *ce* - non.`);
    expect(html).toContain(`«${N}C’est <em>“génial”</em>${N}» –${S}dit-il${S}– <em>ce</em> –${S}non.`);
  });

  it("makes an image alone with a title a figure captioned by that title, in French typography", async () => {
    const html = await render(
      `Avant.\n\n![Le logo](/favicon.svg "Tim Cook présente l'iPhone. Photo: Apple")\n\nUn ![logo](/favicon.svg "Titre") en ligne.`,
    );
    expect(html).toMatch(
      new RegExp(
        `<figure><img src="/favicon.svg" alt="Le logo"[^>]*><figcaption>Tim Cook présente l’iPhone. Photo${S}: Apple</figcaption></figure>`,
      ),
    );
    expect(html).not.toContain('title="Tim Cook');
    // An image inside a sentence stays in it, its title a tooltip.
    expect(html).toContain('title="Titre"');
    expect(html.match(/<figure>/g)).toHaveLength(1);
  });

  it("spaces punctuation that follows inline markup", async () => {
    expect(await render("C'est *vrai*!")).toContain(`C’est <em>vrai</em>${N}!`);
  });

  it("labels footnotes in French", async () => {
    const html = await render("Un fait[^1], redit[^1].\n\n[^1]: La source.");
    expect(html).toMatch(/<h2[^>]*id="footnote-label"[^>]*>Notes<\/h2>/);
    expect(html).toContain('aria-label="Revenir à l’appel de note 1"');
    expect(html).toContain('aria-label="Revenir à l’appel de note 1-2"');
    expect(html).not.toMatch(/Footnotes|Back to/);
    // Ids a feed reader knows for notes (#fn-…), and a back arrow iOS does not turn into an emoji.
    expect(html).toMatch(/<a href="#fn-1" id="fnref-1"[^>]*>1<\/a>/);
    expect(html).toMatch(/<li id="fn-1">/);
    expect(html).toMatch(/<a href="#fnref-1"[^>]*>↩\uFE0E<\/a>/);
    expect(html).toMatch(/<a href="#fnref-1-2"[^>]*>↩\uFE0E<sup>2<\/sup><\/a>/);
    expect(html).not.toContain("user-content");
  });

  it("gives an image's alt and a link's title the same typography as the text", async () => {
    const html = await render(`![L'iPhone 17 : vu de face](/images/a.png "Photo d'Apple") [lien](/x/ "C'est ici !")`);
    expect(html).toContain(`alt="L’iPhone 17${S}: vu de face"`);
    expect(html).toContain(`title="Photo d’Apple"`);
    expect(html).toContain(`title="C’est ici${N}!"`);
  });

  it("marks the links that show their own address, whose address print does not repeat", async () => {
    const html = await render(
      "Voir [le site](https://ex.fr/a?b=1), https://ex.org/page?x=1, www.ex.be, <https://ex.net/>, " +
        "https://fr.wikipedia.org/wiki/Éole, [ex.com/doc](https://www.ex.com/doc/) et [www.ex.eu](https://autre.eu/).",
    );
    expect(html).toContain('<a href="https://ex.fr/a?b=1">le site</a>');
    expect(html).toContain('<a href="https://ex.org/page?x=1" class="bare-url">');
    expect(html).toContain('<a href="http://www.ex.be" class="bare-url">');
    expect(html).toContain('<a href="https://ex.net/" class="bare-url">');
    expect(html).toContain('<a href="https://fr.wikipedia.org/wiki/%C3%89ole" class="bare-url">');
    expect(html).toContain('<a href="https://www.ex.com/doc/" class="bare-url">');
    // Another address than the link's: the real one is printed.
    expect(html).toContain('<a href="https://autre.eu/">www.ex.eu</a>');
  });

  it("writes inches with ″ and elided years with ’, across inline markup, never in code", async () => {
    const html = await render(
      `L'écran de 6,9" et le **MacBook 14"** aussi. "Le 6,1" est le [meilleur"](https://x.fr), ` +
        `dans les années '90, \`a"\`.\n\n| Modèle | Écran |\n| --- | --- |\n| Pixel | 6,3" |\n\n## Le 13" d'Apple`,
    );
    expect(html).toContain("L’écran de 6,9″ et le <strong>MacBook 14″</strong> aussi.");
    expect(html).toContain(
      `«${N}Le 6,1″ est le <a href="https://x.fr">meilleur${N}»</a>, dans les années ’90, <code>a"</code>.`,
    );
    expect(html).toContain("<td>6,3″</td>");
    expect(html).toMatch(/<h2[^>]*>Le 13″ d’Apple<\/h2>/);
  });

  it("publishes no HTML comment, an editor's note, whether alone or inside HTML", async () => {
    const html = await render(
      "Avant.\n\n<!-- Note interne : vérifier avec le juridique -->\n\nAprès <!-- en ligne --> fin.\n\n" +
        '<div class="encart"><!-- à revoir --><p>Encart</p></div>',
    );
    expect(html).not.toMatch(/<!--|Note interne|en ligne|à revoir/);
    expect(html).toContain("<p>Avant.</p>");
    expect(html).toContain('<div class="encart"><p>Encart</p></div>');
  });

  it("leaves bare URLs and times intact", async () => {
    const html = await render("Rendez-vous à 10:30 sur https://example.org/page?x=1 !");
    expect(html).toContain("10:30");
    expect(html).toContain("https://example.org/page?x=1");
  });
});
