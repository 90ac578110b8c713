/**
 * The one source of truth for site settings: everything that names the site, its
 * locale, its zone, its categories or its publisher imports this module.
 */

/** A section of the site, with its French label and the ASCII slug used in URLs. */
export interface Category {
  readonly slug: string;
  readonly label: string;
  readonly description: string;
}

export const CATEGORIES = [
  {
    slug: "international",
    label: "International",
    description: "Géopolitique de la tech, régulation et grands groupes à l’étranger.",
  },
  {
    slug: "economie",
    label: "Économie",
    description: "Marchés, résultats, levées de fonds et stratégies des entreprises du numérique.",
  },
  {
    slug: "tech",
    label: "Tech",
    description: "Produits, logiciels, matériel et usages\u00a0: ce qui change dans nos outils.",
  },
  {
    slug: "startups",
    label: "Startups",
    description: "Jeunes pousses, fondateurs et écosystèmes de l’innovation.",
  },
  {
    slug: "cybersecurite",
    label: "Cybersécurité",
    description: "Attaques, failles, défense et protection des données.",
  },
  {
    slug: "reseaux-sociaux",
    label: "Réseaux sociaux",
    description: "Plateformes, créateurs, modération et tendances en ligne.",
  },
] as const satisfies readonly Category[];

/** Slug of a configured category. */
export type CategorySlug = (typeof CATEGORIES)[number]["slug"];

/** The site's own articles' folder, from the project's root (what `npm run build` runs in). */
export const SITE_CONTENT_DIR = "content/articles";

export const SITE = {
  name: "Digimedia",
  tagline: "L’actualité tech, chaque jour, en français",
  description:
    "Digimedia décrypte l’actualité du numérique\u00a0: international, économie, tech, startups, cybersécurité et réseaux sociaux.",
  /** Absolute origin of the public site; SITE_URL overrides it at build time. */
  url: process.env["SITE_URL"] ?? "https://www.digimedia.fr",
  /** The articles' folder; CONTENT_DIR builds the site from another one (a generated corpus, a test fixture). */
  contentDir: process.env["CONTENT_DIR"] ?? SITE_CONTENT_DIR,
  /**
   * The site's own files (photos, favicon), served as they are (photos with smaller copies besides);
   * astro.config.mjs gives it to Astro. PUBLIC_DIR replaces it for a test build (a fixture's photos).
   */
  publicDir: process.env["PUBLIC_DIR"] ?? "public",
  lang: "fr",
  locale: "fr-FR",
  /** Every date is shown, grouped and archived in Paris time, whatever the build machine's zone. */
  timeZone: "Europe/Paris",
  /** Cards per listing page (home, category, tag). */
  pageSize: 12,
  /** Cards per month on a year's archive page (one row on a wide screen); the month's page lists them all. */
  yearPagePerMonth: 3,
  defaultAuthor: "La rédaction",
  /** Words read per minute, for "3 min de lecture". */
  wordsPerMinute: 230,
  newsletter: {
    /** Where the signup form posts; NEWSLETTER_ACTION points a static-only deployment elsewhere. */
    action: process.env["NEWSLETTER_ACTION"] ?? "/api/newsletter",
    frequency: "chaque semaine",
  },
  publisher: {
    legalName: "Digimedia SAS",
    // French postal style: a comma after the number, the postcode and its town on one line.
    address: "12, rue de la Presse, 75002\u00a0Paris, France",
    // Its groups kept on one line, like any number of the site.
    registration: "RCS Paris 900\u202f000\u202f000",
    // The legal notice must give them (LCEN, art. 6): the company's capital and a telephone number, the host's too.
    shareCapital: "société par actions simplifiée au capital de 10\u202f000\u00a0€",
    phone: "01\u00a023\u00a045\u00a067\u00a089",
    director: "Camille Martin",
    email: "redaction@digimedia.fr",
    host: "Hébergeur\u00a0: OVH SAS, 2, rue Kellermann, 59100\u00a0Roubaix, France",
    hostPhone: "09\u00a072\u00a010\u00a010\u00a007",
  },
} as const;
