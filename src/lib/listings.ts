/**
 * Every listing of the site, computed once per build from the published articles (newest
 * first): categories, tags, date archives, neighbours and related articles. Nothing here
 * grows with N²: related articles come from nearby entries of small lists.
 */
import { archiveParts } from "./dates.ts";
import { slugify } from "./slug.ts";

/** What listings need to know of an article. */
export interface Listable {
  id: string;
  data: { date: Date; category: string; tags: readonly string[] };
}

/** A tag with its URL slug, its label as most articles write it, and its articles. */
export interface TagGroup<T> {
  slug: string;
  label: string;
  articles: T[];
}

/** Year → month → day → articles, keys zero-padded strings, newest first at every level. */
export type Archive<T> = Map<string, Map<string, Map<string, T[]>>>;

/** All listings of a build. */
export interface SiteIndex<T extends Listable> {
  articles: T[];
  byCategory: Map<string, T[]>;
  tags: Map<string, TagGroup<T>>;
  archive: Archive<T>;
  /** Older and newer article of the same category. */
  neighbours: Map<string, { older: T | undefined; newer: T | undefined }>;
  related: Map<string, T[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Entries of a newest-first `list` nearest in time to the one at `at`, closest first, skipping it. */
function* nearest<T extends Listable>(list: readonly T[], at: number): Generator<T> {
  const time = list[at]?.data.date.getTime() ?? 0;
  let newer = at - 1;
  let older = at + 1;
  for (;;) {
    const n = list[newer];
    const o = list[older];
    if (n === undefined && o === undefined) return;
    if (o === undefined || (n !== undefined && n.data.date.getTime() - time <= time - o.data.date.getTime())) {
      yield n as T;
      newer--;
    } else {
      yield o;
      older++;
    }
  }
}

/** Groups a newest-first list by Paris year, month and day. */
export function buildArchive<T extends Listable>(articles: readonly T[]): Archive<T> {
  const archive: Archive<T> = new Map();
  for (const article of articles) {
    const { year, month, day } = archiveParts(article.data.date);
    let months = archive.get(year);
    if (months === undefined) archive.set(year, (months = new Map<string, Map<string, T[]>>()));
    let days = months.get(month);
    if (days === undefined) months.set(month, (days = new Map<string, T[]>()));
    push(days, day, article);
  }
  return archive;
}

/**
 * Up to `count` related articles: same category and shared tags first (most tags shared,
 * then nearest in time), then the same category nearest in time, then shared tags elsewhere.
 * Never the previous and next articles (`shown`), which the page already links to.
 */
function relatedOf<T extends Listable>(
  article: T,
  count: number,
  lists: { category: T[]; categoryTag: Map<string, T[]>; tag: Map<string, T[]> },
  position: Map<T[], Map<string, number>>,
  shown: readonly (T | undefined)[],
): T[] {
  const at = (list: T[]): number => position.get(list)?.get(article.id) ?? 0;
  const chosen: T[] = [];
  const add = (candidates: Iterable<T>): void => {
    for (const c of candidates) {
      if (chosen.length >= count) return;
      if (!chosen.includes(c) && !shown.includes(c)) chosen.push(c);
    }
  };
  const shared = new Map<T, number>();
  for (const tag of new Set(article.data.tags.map(slugify))) {
    const list = lists.categoryTag.get(`${article.data.category}/${tag}`) ?? [];
    let taken = 0;
    for (const c of nearest(list, at(list))) {
      if (taken++ >= count * 2) break;
      shared.set(c, (shared.get(c) ?? 0) + 1);
    }
  }
  add([...shared.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c));
  add(nearest(lists.category, at(lists.category)));
  for (const tag of article.data.tags.map(slugify)) {
    const list = lists.tag.get(tag) ?? [];
    add(nearest(list, at(list)));
  }
  return chosen;
}

/**
 * The spellings of one tag (those of its slug), best first: the commonest names the tag; on a tie, one with capitals
 * or accents (not the slug itself), then the first met. The tag's page and the build's warning (tagSpellings) agree.
 */
export function rankSpellings(slug: string, counts: ReadonlyMap<string, number>): string[] {
  return [...counts]
    .map(([label, count], order) => ({ label, count, order }))
    .sort((a, b) => b.count - a.count || Number(a.label === slug) - Number(b.label === slug) || a.order - b.order)
    .map(({ label }) => label);
}

/**
 * Tags in the order of a French index: by name, capitals and accents aside (« Économie » among the E, « iPhone » next to
 * « IA »), figures first (the tags' page).
 */
export function tagsByName<T extends { label: string }>(tags: Iterable<T>, locale: string): T[] {
  const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
  return [...tags].sort((a, b) => collator.compare(a.label, b.label));
}

/** Computes every listing once from published articles sorted newest first. */
export function buildSiteIndex<T extends Listable>(articles: T[], relatedCount = 3): SiteIndex<T> {
  const byCategory = new Map<string, T[]>();
  const tags = new Map<string, TagGroup<T>>();
  const categoryTag = new Map<string, T[]>();
  const spellings = new Map<string, Map<string, number>>();
  for (const article of articles) {
    push(byCategory, article.data.category, article);
    for (const label of new Set(article.data.tags)) {
      const slug = slugify(label);
      if (slug === "") continue;
      const counts = spellings.get(slug) ?? new Map<string, number>();
      spellings.set(slug, counts.set(label, (counts.get(label) ?? 0) + 1));
      const group = tags.get(slug) ?? { slug, label, articles: [] };
      tags.set(slug, group);
      // Two labels with one slug ("IA", "ia") list the article once; articles come in order.
      if (group.articles.at(-1) !== article) group.articles.push(article);
      const key = `${article.data.category}/${slug}`;
      if (categoryTag.get(key)?.at(-1) !== article) push(categoryTag, key, article);
    }
  }
  // One article's « etats-unis » does not rename « États-Unis » everywhere (articles come newest first).
  for (const [slug, group] of tags)
    group.label = rankSpellings(slug, spellings.get(slug) ?? new Map())[0] ?? group.label;
  const tagLists = new Map([...tags].map(([slug, group]) => [slug, group.articles]));
  const position = new Map<T[], Map<string, number>>();
  for (const list of [...byCategory.values(), ...categoryTag.values(), ...tagLists.values()]) {
    position.set(list, new Map(list.map((a, i) => [a.id, i])));
  }
  const neighbours = new Map<string, { older: T | undefined; newer: T | undefined }>();
  const related = new Map<string, T[]>();
  for (const article of articles) {
    const category = byCategory.get(article.data.category) ?? [];
    const i = position.get(category)?.get(article.id) ?? 0;
    const older = category[i + 1];
    const newer = category[i - 1];
    neighbours.set(article.id, { older, newer });
    related.set(
      article.id,
      relatedOf(article, relatedCount, { category, categoryTag, tag: tagLists }, position, [older, newer]),
    );
  }
  return { articles, byCategory, tags, archive: buildArchive(articles), neighbours, related };
}

/**
 * Splits a list into pages of `size`, the first holding `firstSize` (at least one page, possibly
 * empty).
 */
export function paginateList<T>(items: readonly T[], size: number, firstSize = size): T[][] {
  const pages: T[][] = [items.slice(0, firstSize)];
  for (let i = firstSize; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages;
}

/**
 * Page numbers to show around `current` out of `total`: the first, the last and one either
 * side, with null where numbers are skipped ([1, null, 7, 8, 9, null, 40]). A lone skipped
 * page is shown instead: "…" would take as much room as its number. At most seven items, the
 * most that fit in one row of a 360 px screen at a 44 px touch size.
 */
export function pageWindow(current: number, total: number, around = 1): (number | null)[] {
  const kept = (page: number): boolean => page === 1 || page === total || Math.abs(page - current) <= around;
  const shown: (number | null)[] = [];
  for (let page = 1; page <= total; page++) {
    if (kept(page) || (page > 1 && page < total && kept(page - 1) && kept(page + 1))) shown.push(page);
    else if (shown.at(-1) !== null) shown.push(null);
  }
  return shown;
}
