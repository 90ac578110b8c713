import { describe, expect, it } from "vitest";
import { articleSchema, describeIssues } from "../../src/lib/article-schema.ts";

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

  it("accepts a category's French label as well as its slug", () => {
    expect(articleSchema.parse({ ...valid, category: "Réseaux sociaux" }).category).toBe("reseaux-sociaux");
  });

  it("applies French typography to the title and standfirst", () => {
    const data = articleSchema.parse({ ...valid, title: `Qui a dit "non" ?` });
    expect(data.title).toBe("Qui a dit «\u202fnon\u202f»\u202f?");
  });

  it.each([
    ["missing title", { ...valid, title: undefined }, "title", "obligatoire"],
    ["empty standfirst", { ...valid, description: "  " }, "description", "vide"],
    ["unknown category", { ...valid, category: "sport" }, "category", "catégorie inconnue « sport »"],
    ["category that is not a name", { ...valid, category: 3 }, "category", "doit être un nom de rubrique"],
    ["impossible date", { ...valid, date: "2021-02-29" }, "date", "impossible ou mal formée"],
    ["image without alt", { ...valid, image: "/img/a.jpg" }, "imageAlt", "obligatoire quand il y a une image"],
    ["updated before date", { ...valid, updated: "2020-01-01" }, "updated", "précède"],
    ["unknown field", { ...valid, catgory: "tech" }, "front matter", "champ inconnu : catgory"],
    ["draft not a boolean", { ...valid, draft: "oui" }, "draft", "true ou false"],
    ["tags not a list", { ...valid, tags: "IA" }, "tags", "liste"],
  ])("rejects %s, naming the file and the field", (_, data, field, message) => {
    const text = problems(data);
    expect(text).toContain("content/articles/x.md");
    expect(text).toContain(`champ « ${field} »`);
    expect(text).toContain(message);
  });
});
