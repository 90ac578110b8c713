/** Structured data (JSON-LD) for search engines, built from what the page shows. */
import { SITE } from "../config.ts";
import { isoDateTime } from "./dates.ts";
import { absoluteUrl, homeUrl } from "./urls.ts";

/** A step of the visible breadcrumb; the last one is the page itself. */
export interface Crumb {
  label: string;
  href?: string;
}

type JsonLd = Record<string, unknown>;

const publisher = (): JsonLd => ({
  "@type": "NewsMediaOrganization",
  name: SITE.name,
  url: absoluteUrl(homeUrl()),
  logo: { "@type": "ImageObject", url: absoluteUrl("/logo.png"), width: 144, height: 144 },
});

/** BreadcrumbList matching the visible breadcrumb; the last step points at `pagePath`. */
export function breadcrumbJsonLd(crumbs: readonly Crumb[], pagePath: string): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: crumb.label,
      item: absoluteUrl(i === crumbs.length - 1 ? pagePath : (crumb.href ?? pagePath)),
    })),
  };
}

/** What NewsArticle needs of an article. */
export interface NewsArticleInput {
  title: string;
  description: string;
  date: Date;
  updated: Date | undefined;
  author: string;
  section: string;
  tags: readonly string[];
  path: string;
  imagePath: string;
}

/** NewsArticle for an article page. */
export function newsArticleJsonLd(a: NewsArticleInput): JsonLd {
  const url = absoluteUrl(a.path);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: a.title,
    description: a.description,
    datePublished: isoDateTime(a.date),
    dateModified: isoDateTime(a.updated ?? a.date),
    author: a.author === SITE.defaultAuthor ? publisher() : { "@type": "Person", name: a.author },
    publisher: publisher(),
    image: [absoluteUrl(a.imagePath)],
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    articleSection: a.section,
    // No tags, no keywords: an empty "keywords" would tell search engines the article has none worth naming.
    ...(a.tags.length > 0 ? { keywords: a.tags.join(", ") } : {}),
    inLanguage: SITE.locale,
  };
}

/** WebSite for the home page. */
export function websiteJsonLd(): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: SITE.name,
    description: SITE.description,
    url: absoluteUrl(homeUrl()),
    inLanguage: SITE.locale,
    publisher: publisher(),
  };
}
