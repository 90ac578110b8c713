/**
 * The front matter of an article, checked with zod, with French messages that name the field.
 * Dates arrive as strings (see articles-loader.ts) so that a value without offset means Paris time.
 */
import { commaList } from "./comma-list.ts";
import { editDistance } from "./edit-distance.ts";
import { z } from "astro/zod";
import { TEMPLATE_CATEGORY, TEMPLATE_DESCRIPTION } from "./article-template.ts";
import { CATEGORIES, SITE, type CategorySlug } from "../config.ts";
import { formatPublished, parseParisDate, skippedParisTime } from "./dates.ts";
import { impossibleDateReason, meantDate } from "./date-hints.ts";
import { ArticleError, invalidArticle } from "./front-matter.ts";
import { slugify, withoutAccents } from "./slug.ts";
import { quotationProblems } from "./body-text.ts";
import { frenchTypography } from "./typography.ts";

/** The rubriques by their names, which the field accepts as well as their slugs: « International, …, Tech ou Startups ». */
export const categoryChoices = `${CATEGORIES.slice(0, -1)
  .map((c) => c.label)
  .join(", ")} ou ${CATEGORIES[CATEGORIES.length - 1]?.label ?? ""}`;
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

/** The longest standfirst: one or two sentences (the seed article's two make 190 characters). */
const DESCRIPTION_MAX = 300;
/** The longest title: a headline, not a paragraph (the seed article's makes 58 characters). */
const TITLE_MAX = 200;

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
        // « 12/10/2020 », « 14h30 », « T4:20 »: the date meant, written as the field wants it.
        const meant = typeof value === "string" ? meantDate(value) : undefined;
        // « 2026-11-31 »: well written, but no such day.
        const impossible = typeof value === "string" ? impossibleDateReason(value) : undefined;
        ctx.addIssue({
          code: "custom",
          message:
            impossible !== undefined
              ? `${what} est impossible : « ${String(value)} » ; ${impossible}`
              : meant !== undefined && parseParisDate(meant) !== undefined
                ? `${what} est mal formée : « ${String(value)} » ; écrivez ${meant} (${meant.includes("T") ? "année-mois-jour, puis T et l’heure de Paris sur deux chiffres, HH:MM" : "année-mois-jour"})`
                : `${what} est impossible ou mal formée : « ${String(value)} » ; écrivez AAAA-MM-JJ, ou AAAA-MM-JJTHH:MM pour donner l’heure (heure de Paris)`,
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

/** The field an unknown name means: its French name, its capitals (Title), a slip of a letter or two (titel). */
function meantField(key: string, fields: readonly string[]): string | undefined {
  const plain = withoutAccents(key)
    .toLowerCase()
    .replace(/[^a-z]/g, "");
  const french = FRENCH_NAMES[plain];
  if (french !== undefined) return french;
  const near = fields.filter((field) => editDistance(plain, field.toLowerCase()) <= (field.length > 4 ? 2 : 1));
  return near.length === 1 ? near[0] : undefined;
}

/** « champ inconnu : categorie (écrivez category) ; les champs sont title, … ». */
function unknownFields(keys: readonly string[]): string {
  const fields = Object.keys(articleSchema.shape);
  const named = keys.map((key) => {
    const meant = meantField(key, fields);
    return meant === undefined ? key : `${key} (écrivez ${meant})`;
  });
  // Read when an article is checked, once the schema below exists.
  return `champ inconnu : ${named.join(", ")} ; les champs sont ${fields.join(", ")}`;
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
          ? `la rubrique (category) est obligatoire : ${categoryChoices}`
          : `la rubrique (category) doit être un nom de rubrique : ${categoryChoices}`,
    })
    .transform((value, ctx) => {
      const slug = categorySlug(value);
      if (slug === undefined) {
        ctx.addIssue({
          code: "custom",
          message: `rubrique inconnue « ${value} » : choisissez ${categoryChoices}`,
        });
        return z.NEVER;
      }
      return slug;
    }),
  draft: z
    .boolean({
      error: (issue) => {
        const quoted = typeof issue.input === "string" ? /^\s*(true|false)\s*$/i.exec(issue.input)?.[1] : undefined;
        return quoted === undefined
          ? "draft vaut true ou false"
          : `draft vaut true ou false, sans guillemets : draft: ${quoted.toLowerCase()}`;
      },
    })
    .default(false),
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
          z.string().max(TITLE_MAX, {
            error: (issue) =>
              `le titre fait ${String((issue.input as string).length)} caractères, ${String(TITLE_MAX)} au plus : le chapô peut dire le reste`,
          }),
        )
        .transform(typographed),
      description: requiredText("le chapô (description)")
        .pipe(
          z.string().max(DESCRIPTION_MAX, {
            error: (issue) =>
              `le chapô fait ${String((issue.input as string).length)} caractères, ${String(DESCRIPTION_MAX)} au plus : une ou deux phrases qui résument l’article (les moteurs de recherche n’en montrent qu’environ 160, la une et les flux le montrent en entier) ; le reste va dans le texte`,
          }),
        )
        .transform(typographed),
      date: publishingFields.date,
      updated: publishingFields.updated,
      category: publishingFields.category,
      tags: z
        .array(
          requiredText("l’étiquette").transform((typed, ctx) => {
            // « #IA » is shown « #IA » already: the # an editor types is not part of the tag.
            const tag = typographed(typed, ctx)
              .replace(/\s+/g, " ")
              .replace(/^#+\s*/u, "");
            if (slugify(tag) === "") {
              ctx.addIssue({
                code: "custom",
                message: `« ${typed} » n’a ni lettre ni chiffre : elle n’aurait pas d’adresse (/tag/…) ; écrivez un mot, ou retirez-la`,
              });
            }
            return tag;
          }),
          {
            // « tags: Python, TIOBE » is one text: the list it meant, between brackets.
            error: (issue) => {
              const meant = typeof issue.input === "string" ? commaList(issue.input) : [];
              return meant.length > 0
                ? `les étiquettes (tags) sont une liste, entre crochets : écrivez tags: [${meant.join(", ")}]`
                : "les étiquettes (tags) sont une liste, par exemple : tags: [Tencent, Chine]";
            },
          },
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
  // Checked even when another field is wrong, so that one build lists every problem of the header (an unknown
  // rubrique no longer hides a missing imageAlt until the next build): a field that failed is left out of these.
  .superRefine(
    (data, ctx) => {
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
      if (data.updated instanceof Date && data.date instanceof Date && data.updated < data.date) {
        ctx.addIssue({
          code: "custom",
          path: ["updated"],
          message: `la date de mise à jour (updated), le ${formatPublished(data.updated)}, précède la date de publication (date), le ${formatPublished(data.date)} : un article se met à jour après sa publication ; corrigez l’une des deux`,
        });
      }
    },
    // An object at least: a header that is no list of fields (null, a text) has its one problem already.
    { when: ({ value }) => typeof value === "object" && value !== null && !Array.isArray(value) },
  );

/** Validated front matter of an article. */
export type ArticleData = z.output<typeof articleSchema>;

/** « 1re », « 2e »: an item's place in a list, counted from 1. */
const ordinal = (index: number): string => (index === 0 ? "1re" : `${String(index + 1)}e`);

/** A problem of one field; `item` names the element of a list it is about (« 2e étiquette »). */
export interface FieldIssue {
  field: string;
  message: string;
  item?: string;
}

/** The field of a problem of the header as a whole (an unknown field). */
const HEADER = "en-tête";

/**
 * One French line per problem under the file's name, each naming the field: « champ « title » : … »,
 * « champ « tags », 2e étiquette : … », « en-tête : … » for the header as a whole.
 */
export function describeProblems(file: string, problems: readonly FieldIssue[]): string {
  return invalidArticle(
    file,
    problems.map(({ field, message, item }) =>
      field === HEADER
        ? `${HEADER} : ${message}`
        : `champ « ${field} »${item === undefined ? "" : `, ${item}`} : ${message}`,
    ),
  );
}

/** The schema's problems, each with its field (none: the whole header) and, in the tags, the tag's place. */
export function issueProblems(error: z.ZodError | undefined): FieldIssue[] {
  return (error?.issues ?? []).map(({ path, message }) => {
    const [name, index] = path;
    if (name === undefined) return { field: HEADER, message };
    if (name === "tags" && typeof index === "number")
      return { field: "tags", message, item: `${ordinal(index)} étiquette` };
    return { field: path.map(String).join("."), message };
  });
}

/** The schema's problems, described as describeProblems does. */
export function describeIssues(file: string, error: z.ZodError): string {
  return describeProblems(file, issueProblems(error));
}

/**
 * An article's front matter checked by the collection's schema, and for the template's category, which
 * a published article cannot keep (like its standfirst and its text): every problem in one ArticleError.
 */
export function checkFrontMatter(
  file: string,
  data: Record<string, unknown>,
  imageProblem?: (image: string) => string | undefined,
): ArticleData {
  const template = data["category"] === TEMPLATE_CATEGORY;
  const result = articleSchema.safeParse(template ? { ...data, category: CATEGORIES[0].slug } : data);
  const problems = issueProblems(result.error);
  // The image's file, told of with the header's other problems: not one build after them.
  const image = data["image"];
  if (imageProblem !== undefined && typeof image === "string" && !problems.some((p) => p.field === "image")) {
    const message = image.trim() === "" ? undefined : imageProblem(image.trim());
    if (message !== undefined) problems.push({ field: "image", message });
  }
  if (template && data["draft"] !== true) {
    problems.push({
      field: "category",
      message: `la rubrique (category) est encore celle du modèle, « ${TEMPLATE_CATEGORY} » : choisissez ${categoryChoices}`,
    });
  }
  if (result.data === undefined || problems.length > 0) throw new ArticleError(describeProblems(file, problems));
  return result.data;
}
