/**
 * The front matter of an article, checked with zod, with French messages that name the field.
 * Dates arrive as strings (see articles-loader.ts) so that a value without offset means Paris time.
 */
import { z } from "astro/zod";
import { CATEGORIES, SITE, type CategorySlug } from "../config.ts";
import { parseParisDate, skippedParisTime } from "./dates.ts";
import { invalidArticle } from "./front-matter.ts";
import { slugify, withoutAccents } from "./slug.ts";
import { quotationProblems } from "./body-text.ts";
import { frenchTypography } from "./typography.ts";

const categoryList = CATEGORIES.map((c) => c.slug).join(", ");
/** A category name as compared: no accents, no case, hyphens as spaces ("Réseaux sociaux" = "reseaux-sociaux"). */
const categoryKey = (name: string): string =>
  withoutAccents(name)
    .toLowerCase()
    .replace(/[\s-]+/g, " ")
    .trim();
const categoryByName = new Map<string, CategorySlug>(
  CATEGORIES.flatMap((c) => [
    [categoryKey(c.slug), c.slug],
    [categoryKey(c.label), c.slug],
  ]),
);

/** The category an editor named by its slug or its label, whatever its accents or case. */
export function categorySlug(name: string): CategorySlug | undefined {
  return categoryByName.get(categoryKey(name));
}

/** The standfirst `npm run new` writes, to be replaced before publication. */
export const TEMPLATE_DESCRIPTION = "À compléter";

/** A value as YAML read it, for a message. */
const shown = (input: unknown): string =>
  typeof input === "object" && input !== null ? JSON.stringify(input) : String(input);

/** The message for a field that holds no text: missing, empty, or a number YAML read as such. */
const notText = (what: string, input: unknown): string => {
  if (input === undefined) return `${what} est obligatoire`;
  if (input === null) return `${what} est vide`;
  return `${what} doit être un texte : « ${shown(input)} » est lu comme ${typeof input === "number" ? "un nombre" : "une autre valeur"}, mettez-le entre guillemets droits ("${shown(input)}")`;
};

const requiredText = (what: string) =>
  z
    .string({ error: (issue) => notText(what, issue.input) })
    .trim()
    .min(1, { error: `${what} est vide` });

/**
 * A text readers see as written (title, standfirst, alt text, author, tag), in French typography; a
 * quotation it opens must close in it, as in a paragraph of the body (« Apple "révolutionne. » would
 * show a « that nothing closes).
 */
function typographed(value: string, ctx: z.RefinementCtx): string {
  const text = frenchTypography(value);
  for (const message of quotationProblems(text)) ctx.addIssue({ code: "custom", message });
  return text;
}
const typographedText = (what: string) => requiredText(what).transform(typographed);

const dateField = (what: string) =>
  z
    .union([z.string(), z.date()], {
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? `${what} est ${issue.input === undefined ? "obligatoire" : "vide"} (AAAA-MM-JJ ou AAAA-MM-JJTHH:MM)`
          : `${what} doit s’écrire AAAA-MM-JJ ou AAAA-MM-JJTHH:MM, pas « ${shown(issue.input)} »`,
    })
    .transform((value, ctx) => {
      const date = value instanceof Date ? value : parseParisDate(value);
      const hourLater = typeof value === "string" ? skippedParisTime(value) : undefined;
      if (hourLater !== undefined) {
        ctx.addIssue({
          code: "custom",
          message: `${what} « ${String(value)} » n’existe pas à Paris : cette nuit-là, les horloges passent de 2 h à 3 h (heure d’été). Écrivez l’heure qu’elles affichent, « ${hourLater} »`,
        });
        return z.NEVER;
      }
      if (date === undefined || Number.isNaN(date.getTime())) {
        ctx.addIssue({
          code: "custom",
          message: `${what} est impossible ou mal formée : « ${String(value)} » (attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM, heure de Paris)`,
        });
        return z.NEVER;
      }
      return date;
    });

/** French names an editor may type for the front matter's fields. */
const FRENCH_NAMES: Record<string, string> = {
  titre: "title",
  chapo: "description",
  chapeau: "description",
  resume: "description",
  categorie: "category",
  rubrique: "category",
  etiquettes: "tags",
  etiquette: "tags",
  tag: "tags",
  auteur: "author",
  brouillon: "draft",
  miseajour: "updated",
  modifie: "updated",
  alt: "imageAlt",
};

/** « champ inconnu : categorie (écrivez category) ; les champs sont title, … ». */
function unknownFields(keys: readonly string[]): string {
  const named = keys.map((key) => {
    const meant =
      FRENCH_NAMES[
        withoutAccents(key)
          .toLowerCase()
          .replace(/[^a-z]/g, "")
      ];
    return meant === undefined ? key : `${key} (écrivez ${meant})`;
  });
  // Read when an article is checked, once the schema below exists.
  return `champ inconnu : ${named.join(", ")} ; les champs sont ${Object.keys(articleSchema.shape).join(", ")}`;
}

/**
 * The fields that say where and when an article is published, read by the whole schema below and, alone,
 * by the sitemap at config time (sitemaps.ts): one reading of the date, the category and the draft flag.
 */
const publishingFields = {
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
      const slug = categorySlug(value);
      if (slug === undefined) {
        ctx.addIssue({
          code: "custom",
          message: `catégorie inconnue « ${value} » : choisir parmi ${categoryList}`,
        });
        return z.NEVER;
      }
      return slug;
    }),
  draft: z.boolean({ error: "draft vaut true ou false" }).default(false),
};

/** What publishingFields read of a front matter, the other fields ignored; undefined when one of them is invalid. */
export function publishingData(data: Record<string, unknown>): PublishingData | undefined {
  return publishingSchema.safeParse(data).data;
}
const publishingSchema = z.object(publishingFields);
type PublishingData = z.output<typeof publishingSchema>;

/** Zod schema of an article's front matter. */
export const articleSchema = z
  .strictObject(
    {
      title: requiredText("le titre (title)")
        .pipe(
          z.string().max(200, {
            error: (issue) =>
              `le titre fait ${String((issue.input as string).length)} caractères, 200 au plus : le chapô peut dire le reste`,
          }),
        )
        .transform(typographed),
      description: typographedText("le chapô (description)"),
      date: publishingFields.date,
      updated: publishingFields.updated,
      category: publishingFields.category,
      tags: z
        .array(
          typographedText("une étiquette (tags)")
            // « #IA » is shown « #IA » already: the # an editor types is not part of the tag.
            .transform((tag) => tag.replace(/\s+/g, " ").replace(/^#+\s*/u, ""))
            .refine((tag) => slugify(tag) !== "", {
              error: (issue) =>
                `l’étiquette « ${String(issue.input)} » n’a ni lettre ni chiffre : elle n’aurait pas d’adresse (/tag/…)`,
            }),
          { error: "les étiquettes (tags) sont une liste, par exemple : tags: [Tencent, Chine]" },
        )
        // One per tag page: « Apple » and « apple » would be two links to /tag/apple/.
        .transform((tags) => tags.filter((tag, i) => tags.findIndex((t) => slugify(t) === slugify(tag)) === i))
        .default([]),
      author: typographedText("l’auteur (author)").default(SITE.defaultAuthor),
      image: requiredText("l’image (image)").optional(),
      imageAlt: typographedText("le texte alternatif (imageAlt)").optional(),
      draft: publishingFields.draft,
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? unknownFields(issue.keys) : undefined) },
  )
  .superRefine((data, ctx) => {
    if (data.image === undefined && data.imageAlt !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["imageAlt"],
        message: "un texte alternatif (imageAlt) sans image (image) : ajoutez l’image ou retirez ce champ",
      });
    }
    if (!data.draft && data.description === TEMPLATE_DESCRIPTION) {
      ctx.addIssue({
        code: "custom",
        path: ["description"],
        message: `le chapô (description) est encore celui du modèle, « ${TEMPLATE_DESCRIPTION} » : écrivez-le avant de publier`,
      });
    }
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
  return invalidArticle(
    file,
    problems.map(({ field, message }) => `${file} : champ « ${field} » : ${message}`),
  );
}

/** The schema's problems, each with its field (none: the whole front matter). */
export function issueProblems(error: z.ZodError | undefined): { field: string; message: string }[] {
  return (error?.issues ?? []).map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join(".") : "front matter",
    message: issue.message,
  }));
}

/** The schema's problems, described as describeProblems does. */
export function describeIssues(file: string, error: z.ZodError): string {
  return describeProblems(file, issueProblems(error));
}
