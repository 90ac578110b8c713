/**
 * The header of an article (its front matter) as parseFrontMatter reads it: what YAML would misread
 * is said in French, on the line where it is, with a fix that does not make things worse.
 */
import { describe, expect, it } from "vitest";
import { parseFrontMatter, plainFrontMatter } from "../../src/lib/front-matter.ts";

/** The message parseFrontMatter throws for a header made of `fields`, or "" when it reads it. */
const thrown = (fields: string): string => {
  try {
    parseFrontMatter("a.md", `---\n${fields}\n---\n\nDu texte.\n`);
    return "";
  } catch (error) {
    return (error as Error).message;
  }
};
const read = (fields: string): Record<string, unknown> => parseFrontMatter("a.md", `---\n${fields}\n---\n\nx\n`);

/** Words of js-yaml's English messages: none reaches an editor without French around it. */
const ENGLISH = /\b(?:missed|expected|stream|indentation|mapping|scalar|collection)\b/;

describe("parseFrontMatter, a list between brackets", () => {
  it("names the tag line when « #Grok » starts a comment, not the field YAML fails on, and quotes only that tag", () => {
    const message = thrown(
      "title: Titre\ndescription: Chapô.\ndate: 2026-12-01\ntags: [Elon Musk, X (ex-Twitter), #Grok]\nauthor: Thomas Girard\ndraft: false",
    );
    expect(message).toContain(
      'champ « tags », ligne 5 : « #Grok » commence par « # », qui ouvre un commentaire YAML et couperait la liste ; "#Grok" s’écrit entre guillemets droits : tags: [Elon Musk, X (ex-Twitter), "#Grok"]',
    );
    expect(message).not.toContain("draft");
    expect(message).not.toMatch(ENGLISH);
  });

  it.each([
    ["[Apple, Le #1]", "« #… » après une espace", 'tags: [Apple, "Le #1"]'],
    ["[@Apple, IA]", "commence par « @ »", 'tags: ["@Apple", IA]'],
    ["[Apple, iOS", "la liste ouverte par « [ » n’est pas fermée", "tags: [Apple, iOS]"],
  ])("explains « tags: %s » with the list as it should be written", (list, why, fix) => {
    const message = thrown(`title: Titre\ntags: ${list}\ndraft: false`);
    expect(message).toContain(`champ « tags », ligne 3 : `);
    expect(message).toContain(why);
    expect(message).toContain(fix);
  });

  it("reads a list between brackets YAML reads as written", () => {
    expect(read("tags: [C#, F#, \"#MeToo\", '#IA'] # commentaire")).toEqual({ tags: ["C#", "F#", "#MeToo", "#IA"] });
    expect(read("tags: []")).toEqual({ tags: [] });
    expect(read("tags: [Apple,\n  iPhone]")).toEqual({ tags: ["Apple", "iPhone"] });
  });
});

describe("parseFrontMatter, odd spaces pasted from Word or a mail", () => {
  it.each([
    ["a no-break space after « title: »", "title:\u00a0Titre\ndescription: Copié depuis un mail."],
    ["a narrow no-break space after « title: »", "title:\u202fTitre\ndescription: Copié depuis un mail."],
    ["a zero-width space after « title: »", "title:\u200bTitre\ndescription: Copié depuis un mail."],
    ["a no-break space before the « : »", "title\u00a0: Titre\ndescription: Copié depuis un mail."],
    ["a zero-width space before a field", "\u200btitle: Titre\ndescription: Copié depuis un mail."],
  ])("reads %s as an ordinary space", (_case, fields) => {
    expect(read(fields)).toEqual({ title: "Titre", description: "Copié depuis un mail." });
  });

  it("reads them as ordinary spaces in a list's indentation, after its dash, and in a flag or a date", () => {
    expect(
      read("tags:\n\u00a0\u00a0-\u00a0Apple\ndraft:\u00a0false\u00a0# pas encore\ndate: 2020-10-12\u202f"),
    ).toEqual({
      tags: ["Apple"],
      draft: false,
      date: "2020-10-12",
    });
  });

  it("keeps them inside a text, where they may be meant", () => {
    expect(read("title: Hausse de 5\u00a0%")).toEqual({ title: "Hausse de 5\u00a0%" });
  });

  it("names the line and the character inside a field's name, where it would make another name", () => {
    expect(thrown("ti\u200btle: Titre")).toContain(
      "en-tête, ligne 2 : le nom du champ « title » contient une espace sans chasse (U+200B), venue d’un copier-coller",
    );
  });
});

describe("parseFrontMatter, slips it names", () => {
  it("names a field typed one space in, rather than quoting it into the field above", () => {
    const message = thrown("title: Titre\n description: Un chapô.\ndate: 2021-05-03");
    expect(message).toContain(
      "ligne 3 : en-tête illisible, « description: Un chapô. » est en retrait ; un champ s’écrit en début de ligne, sans espace devant",
    );
    expect(message).not.toContain('"Titre description');
  });

  it("writes several authors as the page shows them, not as a quoted list", () => {
    expect(thrown("title: Titre\nauthor: [Jean Dupont, Marie Martin, Ali Ben]")).toContain(
      "author est un texte, pas une liste : plusieurs auteurs s’écrivent comme la page les montre ; écrivez-les à la suite : author: Jean Dupont, Marie Martin et Ali Ben",
    );
  });
});

describe("plainFrontMatter, the file as Astro's own YAML reads it", () => {
  it("makes ordinary the odd spaces parseFrontMatter reads as spaces, in the header only, line endings kept", () => {
    const text =
      "---\r\ntitle:\u00a0Titre $& $1\r\ntags:\r\n\u00a0 -\u00a0Apple\r\n---\r\n\r\nLe\u00a0texte : 5\u00a0%.\r\n";
    expect(plainFrontMatter(text)).toBe(
      "---\r\ntitle: Titre $& $1\r\ntags:\r\n  - Apple\r\n---\r\n\r\nLe\u00a0texte : 5\u00a0%.\r\n",
    );
  });

  it("leaves a file without odd spaces, or without a header, as it is", () => {
    for (const text of ["---\ntitle: Titre\n---\n\nx\u00a0:\n", "Pas d’en-tête\u00a0!\n"])
      expect(plainFrontMatter(text)).toBe(text);
  });
});

describe("parseFrontMatter, the fix it gives", () => {
  it("replaces Word's curly quotes around a text by straight ones instead of quoting them", () => {
    const message = thrown("title: “Windows 12 : la date de sortie dévoilée”");
    expect(message).toContain('title: "Windows 12 : la date de sortie dévoilée"');
    expect(message).toContain("remplacez-les par des guillemets droits");
    expect(message).not.toContain('"“');
  });

  it("never advises quoting a flag, a date or a quoted value, and does not loop", () => {
    const message = thrown('title: Titre\ndraft: "false""');
    expect(message).toContain("champ « draft », ligne 3");
    expect(message).toContain("draft s’écrit sans guillemets : draft: false");
    expect(message).not.toContain('\\"');
    expect(thrown('title: Titre\ndate: "2020-10-12"x')).not.toContain('"\\"');
  });

  it("says a field typed after spaces is indented, instead of advising quotes around a date", () => {
    const message = thrown("date: 2020-10-12\n  category: tech");
    expect(message).toContain("champ « date », ligne 3 : en-tête illisible, « category: tech » est en retrait");
    expect(message).not.toContain("guillemets");
  });

  it("blames an opening quote never closed, not the later line where YAML stops", () => {
    const message = thrown('title: "Titre\ndescription: Chapô.\ndraft: false');
    expect(message).toContain(
      "champ « title », ligne 2 : en-tête illisible, le guillemet droit qui ouvre ce texte n’est jamais fermé",
    );
    expect(message).toContain('title: "Titre"');
  });

  it("says YAML's errors in French", () => {
    for (const fields of ["category: tech\n- x", "tags:\n  - A\n - B", 'title: "a\\q"', "title: a\n  b: c: d"]) {
      const message = thrown(fields);
      expect(message).not.toBe("");
      expect(message.replace(/son message, en anglais : « [^»]*»/, "")).not.toMatch(ENGLISH);
    }
  });
});
