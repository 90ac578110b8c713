import { describe, expect, it } from "vitest";
import { articleSchema, checkFrontMatter, describeIssues } from "../../src/lib/article-schema.ts";
import { FIELD_NAMES } from "../../src/lib/front-matter.ts";

const valid = {
  title: "Un titre",
  description: "Un chapô.",
  date: "2020-10-12",
  category: "international",
};

const problems = (data: Record<string, unknown>): string => {
  const result = articleSchema.safeParse(data);
  if (result.success) return "";
  return describeIssues("content/articles/x.md", result.error);
};

describe("article front matter", () => {
  it("fills defaults: author La rédaction, no tags, not a draft", () => {
    const data = articleSchema.parse(valid);
    expect(data.author).toBe("La rédaction");
    expect(data.tags).toEqual([]);
    expect(data.draft).toBe(false);
    expect(data.date.toISOString()).toBe("2020-10-11T22:00:00.000Z");
  });

  it("sets the image's alternative text in French typography, like the title", () => {
    expect(articleSchema.parse({ ...valid, image: "/img/a.jpg", imageAlt: "Une image qu'on voit" }).imageAlt).toBe(
      "Une image qu’on voit",
    );
  });

  it("sets the author and the tags in French typography too, a tag without the # the page adds", () => {
    const data = articleSchema.parse({
      ...valid,
      author: `Jean O'Neil, l'envoyé "spécial"`,
      tags: ["l'IA", "#Œnologie"],
    });
    expect(data.author).toBe("Jean O’Neil, l’envoyé «\u202fspécial\u202f»");
    expect(data.tags).toEqual(["l’IA", "Œnologie"]);
  });

  it.each([
    ["title", `Apple "révolutionne le marché`],
    ["description", `Le chapô d'Apple "révolutionne.`],
    ["author", `Jean "Le Grand`],
    ["tags", [`IA "générative`]],
  ])("refuses a quotation that the field %s does not close", (field, value) => {
    expect(problems({ ...valid, [field]: value })).toMatch(
      new RegExp(`content/articles/x\\.md\\n {2}- champ « ${field} »(?:, 1re étiquette)? : citation non fermée`),
    );
  });

  it("keeps one tag per tag page, as first written, its spaces collapsed", () => {
    const tags = [
      "Apple",
      "apple",
      " Apple",
      "Intelligence  artificielle",
      "intelligence\tartificielle",
      "C",
      "C++",
      "C#",
    ];
    expect(articleSchema.parse({ ...valid, tags }).tags).toEqual([
      "Apple",
      "Intelligence artificielle",
      "C",
      "C++",
      "C#",
    ]);
  });

  it.each(["Réseaux sociaux", "Reseaux sociaux", "réseaux-sociaux", "RÉSEAUX SOCIAUX", "reseaux-sociaux"])(
    "reads the category %j, label or slug, whatever its accents and case",
    (category) => {
      expect(articleSchema.parse({ ...valid, category }).category).toBe("reseaux-sociaux");
    },
  );

  it("applies French typography to the title and standfirst", () => {
    const data = articleSchema.parse({ ...valid, title: `Qui a dit "non" ?` });
    expect(data.title).toBe("Qui a dit «\u202fnon\u202f»\u202f?");
  });

  it.each([
    ["missing title", { ...valid, title: undefined }, "title", "obligatoire"],
    ["empty standfirst", { ...valid, description: "  " }, "description", "vide"],
    [
      "unknown category",
      { ...valid, category: "sport" },
      "category",
      "rubrique inconnue « sport » : choisissez International, Économie, Tech",
    ],
    ["category that is not a name", { ...valid, category: 3 }, "category", "doit être un nom de rubrique"],
    [
      "impossible date",
      { ...valid, date: "2021-02-29" },
      "date",
      "impossible : « 2021-02-29 » ; février 2021 n’a que 28 jours (2021 n’est pas bissextile)",
    ],
    [
      "day past the month's last",
      { ...valid, date: "2026-11-31" },
      "date",
      "impossible : « 2026-11-31 » ; novembre 2026 n’a que 30 jours",
    ],
    ["month 13", { ...valid, date: "2026-13-01" }, "date", "il n’y a pas de mois 13 : les mois vont de 01 à 12"],
    ["hour 24", { ...valid, date: "2026-11-30T24:10" }, "date", "l’heure va de 00:00 à 23:59"],
    [
      "time that clocks skip",
      { ...valid, date: "2021-03-28T02:15" },
      "date",
      "n’existe pas à Paris : cette nuit-là, les horloges passent de 2 h à 3 h (heure d’été). Écrivez l’heure qu’elles affichent, « 2021-03-28T03:15 »",
    ],
    ["image without alt", { ...valid, image: "/img/a.jpg" }, "imageAlt", "obligatoire quand il y a une image"],
    [
      "updated before date, both dates given",
      { ...valid, date: "2020-10-12T08:30", updated: "2020-10-12" },
      "updated",
      "la date de mise à jour (updated), le 12\u00a0octobre 2020, précède la date de publication (date), le 12\u00a0octobre 2020 à 8\u00a0h\u00a030",
    ],
    ["unknown field", { ...valid, catgory: "tech" }, "en-tête", "champ inconnu : catgory (écrivez category)"],
    ["a field with a capital", { ...valid, Title: "x" }, "en-tête", "champ inconnu : Title (écrivez title)"],
    ["a field typed with a slip", { ...valid, titel: "x" }, "en-tête", "champ inconnu : titel (écrivez title)"],
    ["a name far from any field", { ...valid, couleur: "x" }, "en-tête", "champ inconnu : couleur ; les champs"],
    ["draft written between quotes", { ...valid, draft: "false" }, "draft", "sans guillemets : draft: false"],
    [
      "a field named in French",
      { ...valid, categorie: "tech" },
      "en-tête",
      "champ inconnu : categorie (écrivez category) ; les champs sont title, description, date, updated, category, tags, author, image, imageAlt, draft",
    ],
    [
      "a field named in French, with its accents and capitals",
      { ...valid, Étiquettes: ["IA"] },
      "en-tête",
      "champ inconnu : Étiquettes (écrivez tags) ; les champs sont title, description, date, updated, category, tags, author, image, imageAlt, draft",
    ],
    ["a title too long", { ...valid, title: "x".repeat(207) }, "title", "le titre fait 207 caractères, 200 au plus"],
    ["draft not a boolean", { ...valid, draft: "oui" }, "draft", "true ou false"],
    ["tags not a list", { ...valid, tags: "IA" }, "tags", "liste, entre crochets : écrivez tags: [IA]"],
    ["tags written without brackets", { ...valid, tags: "Python, TIOBE," }, "tags", "écrivez tags: [Python, TIOBE]"],
    ["tags of no list at all", { ...valid, tags: 5 }, "tags", "liste, par exemple : tags: [Tencent, Chine]"],
    [
      "a tag without a letter",
      { ...valid, tags: ["IA", "🤖"] },
      "tags",
      "2e étiquette : « 🤖 » n’a ni lettre ni chiffre",
    ],
    [
      "a tag that is a lone #, shown as typed",
      { ...valid, tags: ["#"] },
      "tags",
      "1re étiquette : « # » n’a ni lettre",
    ],
    [
      "a standfirst longer than two sentences",
      { ...valid, description: "Une phrase de chapô un peu longue. ".repeat(12) },
      "description",
      "le chapô fait 419 caractères, 300 au plus : une ou deux phrases",
    ],
    [
      "a date written the French way",
      { ...valid, date: "12/10/2020" },
      "date",
      "mal formée : « 12/10/2020 » ; écrivez 2020-10-12 (",
    ],
    ["a date in words", { ...valid, date: "1er octobre 2020" }, "date", "écrivez 2020-10-01 ("],
    ["an hour of one digit", { ...valid, date: "2026-11-20T4:20" }, "date", "écrivez 2026-11-20T04:20 ("],
    ["an hour written 14h30", { ...valid, date: "2026-11-20 14h30" }, "date", "écrivez 2026-11-20T14:30 ("],
    ["a French date and hour", { ...valid, date: "20/11/2026 à 9h" }, "date", "écrivez 2026-11-20T09:00 ("],
    ["a title YAML read as a number", { ...valid, title: 1984 }, "title", `entre guillemets droits ("1984")`],
    ["an empty standfirst field", { ...valid, description: null }, "description", "le chapô (description) est vide"],
    [
      "a date YAML read as a number",
      { ...valid, date: 20201012 },
      "date",
      "AAAA-MM-JJ ou AAAA-MM-JJTHH:MM, pas « 20201012 »",
    ],
    ["alt text without an image", { ...valid, imageAlt: "Une photo" }, "imageAlt", "sans image"],
    ["the template's standfirst", { ...valid, description: "À compléter" }, "description", "encore celui du modèle"],
  ])("rejects %s, naming the file and the field", (_, data, field, message) => {
    const text = problems(data);
    expect(text).toContain("content/articles/x.md");
    expect(text).toContain(field === "en-tête" ? "\n  - en-tête : " : `\n  - champ « ${field} »`);
    expect(text).toContain(message);
  });

  it("gives no guess for a date that is impossible even when written the French way", () => {
    expect(problems({ ...valid, date: "31/02/2020" })).toContain("impossible ou mal formée : « 31/02/2020 »");
    expect(problems({ ...valid, date: "31/02/2020" })).not.toMatch(/écrivez \d/);
  });

  it("takes a standfirst of two sentences, as long as the seed article's", () => {
    expect(problems({ ...valid, description: "Une phrase de chapô. ".repeat(14).trim() })).toBe("");
  });

  it("lets a draft keep the template's standfirst", () => {
    expect(articleSchema.parse({ ...valid, description: "À compléter", draft: true }).draft).toBe(true);
  });
});

describe("the header's field names", () => {
  it("are the schema's, as the header's reading knows them (front-matter.ts)", () => {
    expect(FIELD_NAMES).toEqual(Object.keys(articleSchema.shape));
  });
});

describe("a header that is no list of fields", () => {
  it.each([null, undefined, "x", [], 5])(
    "is refused as such, %j, without the rules across fields failing on it",
    (value) => {
      const result = articleSchema.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues).toHaveLength(1);
    },
  );
});

describe("checkFrontMatter", () => {
  it("lists every problem of the header in one build, the image's file among them", () => {
    const seen: string[] = [];
    const message = (() => {
      try {
        checkFrontMatter(
          "content/articles/x.md",
          { ...valid, category: "Crypto", description: "À compléter", image: " /images/bitcoin.jpg " },
          (image) => {
            seen.push(image);
            return `fichier introuvable : public${image}`;
          },
        );
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    })();
    // The rubrique, the standfirst left as the template's, the missing alt text, the missing file: one build.
    expect(message).toContain("champ « category » : rubrique inconnue «\u00a0Crypto\u00a0»".replace(/\u00a0/g, " "));
    expect(message).toContain("champ « description » : le chapô (description) est encore celui du modèle");
    expect(message).toContain("champ « imageAlt » : le texte alternatif (imageAlt) est obligatoire");
    expect(message).toContain("champ « image » : fichier introuvable : public/images/bitcoin.jpg");
    expect(seen).toEqual(["/images/bitcoin.jpg"]);
  });

  it("does not look for the file of an image the schema refuses, nor compare dates it could not read", () => {
    const check = (data: Record<string, unknown>): string => {
      try {
        checkFrontMatter("content/articles/x.md", data, () => "jamais lu");
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    };
    expect(check({ ...valid, image: 5, imageAlt: "x" })).not.toContain("jamais lu");
    expect(check({ ...valid, date: "12/10/2020", updated: "2020-10-01" })).not.toContain("précède");
  });
});
