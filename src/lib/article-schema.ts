/**
 * The front matter of an article, checked with zod, with French messages that name the field.
 * Dates arrive as strings (see articles-loader.ts) so that a value without offset means Paris time.
 */
import { z } from "astro/zod";
import { CATEGORIES, type CategorySlug } from "../config.ts";
import { parseParisDate } from "./dates.ts";
import { frenchTypography } from "./typography.ts";

const categoryList = CATEGORIES.map((c) => c.slug).join(", ");
const categoryByName = new Map<string, CategorySlug>(
  CATEGORIES.flatMap((c) => [
    [c.slug, c.slug],
    [c.label.toLowerCase(), c.slug],
  ]),
);

const requiredText = (what: string) =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? `${what} est obligatoire` : `${what} doit être un texte`),
    })
    .trim()
    .min(1, { error: `${what} est vide` });

const dateField = (what: string) =>
  z
    .union([z.string(), z.date()], { error: `${what} est obligatoire (AAAA-MM-JJ ou AAAA-MM-JJTHH:MM)` })
    .transform((value, ctx) => {
      const date = value instanceof Date ? value : parseParisDate(value);
      if (date === undefined || Number.isNaN(date.getTime())) {
        ctx.addIssue({
          code: "custom",
          message: `${what} impossible ou mal formée : « ${String(value)} » (attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM, heure de Paris)`,
        });
        return z.NEVER;
      }
      return date;
    });

/** Zod schema of an article's front matter. */
export const articleSchema = z
  .strictObject(
    {
      title: requiredText("le titre (title)")
        .pipe(z.string().max(200, { error: "le titre dépasse 200 caractères" }))
        .transform(frenchTypography),
      description: requiredText("le chapô (description)").transform(frenchTypography),
      date: dateField("la date de publication (date)"),
      updated: dateField("la date de mise à jour (updated)").optional(),
      category: z
        .string({
          error: (issue) =>
            issue.input === undefined
              ? `la catégorie (category) est obligatoire : ${categoryList}`
              : `la catégorie (category) doit être un nom de rubrique : ${categoryList}`,
        })
        .transform((value, ctx) => {
          const slug = categoryByName.get(value.trim().toLowerCase());
          if (slug === undefined) {
            ctx.addIssue({
              code: "custom",
              message: `catégorie inconnue « ${value} » : choisir parmi ${categoryList}`,
            });
            return z.NEVER;
          }
          return slug;
        }),
      tags: z
        .array(requiredText("une étiquette (tags)"), { error: "les étiquettes (tags) sont une liste" })
        .default([]),
      author: requiredText("l’auteur (author)").default("La rédaction"),
      image: requiredText("l’image (image)").optional(),
      imageAlt: requiredText("le texte alternatif (imageAlt)").transform(frenchTypography).optional(),
      draft: z.boolean({ error: "draft vaut true ou false" }).default(false),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `champ inconnu : ${issue.keys.join(", ")}` : undefined) },
  )
  .superRefine((data, ctx) => {
    if (data.image !== undefined && data.imageAlt === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["imageAlt"],
        message: "le texte alternatif (imageAlt) est obligatoire quand il y a une image",
      });
    }
    if (data.updated !== undefined && data.updated < data.date) {
      ctx.addIssue({
        code: "custom",
        path: ["updated"],
        message: "la date de mise à jour (updated) précède la date de publication",
      });
    }
  });

/** Validated front matter of an article. */
export type ArticleData = z.output<typeof articleSchema>;

/** One French line per problem, each naming the file and the field. */
export function describeProblems(file: string, problems: readonly { field: string; message: string }[]): string {
  const lines = problems.map(({ field, message }) => `  - ${file} : champ « ${field} » : ${message}`);
  return `Article invalide : ${file}\n${lines.join("\n")}`;
}

/** The schema's problems, described as describeProblems does. */
export function describeIssues(file: string, error: z.ZodError): string {
  return describeProblems(
    file,
    error.issues.map((issue) => ({
      field: issue.path.length > 0 ? issue.path.join(".") : "front matter",
      message: issue.message,
    })),
  );
}
