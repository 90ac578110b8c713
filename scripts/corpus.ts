/**
 * A deterministic corpus of French articles for tests and benchmarks: same seed and size,
 * same files, byte for byte. Varied categories, tags, dates over ten years, headings, links,
 * lists, quotes, code and the punctuation French typography cares about.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CATEGORIES } from "../src/config.ts";
import { sentenceStart } from "../src/lib/french-grammar.ts";
import { slugify } from "../src/lib/slug.ts";

/** Small fast seeded PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const subjects = [
  "Apple",
  "Google",
  "Mistral AI",
  "OVHcloud",
  "Free",
  "Orange",
  "TikTok",
  "Meta",
  "Amazon",
  "Microsoft",
  "Doctolib",
  "BlaBlaCar",
  "Ubisoft",
  "Tencent",
  "Alibaba",
  "Samsung",
  "Nvidia",
  "l’Arcep",
  "la CNIL",
  "Bruxelles",
];
const verbs = [
  "lance",
  "rachète",
  "abandonne",
  "prépare",
  "dévoile",
  "suspend",
  "accélère",
  "défend",
  "repense",
  "teste",
];
const objects = [
  "une offre de paiement mobile",
  "son assistant d’intelligence artificielle",
  "un nouveau centre de données",
  "la fibre en zone rurale",
  "un service de streaming",
  "sa politique de confidentialité",
  "une puce maison",
  "un réseau social décentralisé",
  "la 5G industrielle",
  "un programme de cybersécurité",
];
const tagPool = [
  "IA",
  "Cloud",
  "5G",
  "Fibre",
  "RGPD",
  "Paiement mobile",
  "Chine",
  "États-Unis",
  "Europe",
  "Startups françaises",
  "Levée de fonds",
  "Rançongiciel",
  "Cryptomonnaies",
  "Jeu vidéo",
  "Semi-conducteurs",
  "Réglementation",
  "Emploi",
  "Open source",
  "Smartphones",
  "Streaming",
  "Données personnelles",
  "Santé numérique",
  "Mobilité",
  "Énergie",
];
const sentences = [
  "Le marché reste tendu : les analystes attendent des précisions avant la fin du trimestre.",
  "Faut-il s'en inquiéter ? Les spécialistes interrogés restent prudents.",
  "La direction parle d'une \"étape décisive\" pour l'entreprise.",
  "Les chiffres sont éloquents ; la croissance a doublé en un an.",
  "Quelle surprise ! Personne ne l'avait vu venir, pas même les concurrents.",
  "Le lancement est prévu à 10:30, heure de Paris, avec une démonstration en direct.",
  "Vraiment !? La question revient souvent dans les forums spécialisés.",
  "Selon l'Arcep, « la couverture progresse » mais reste inégale selon les territoires.",
  "Le code source, publié sous licence libre, tient en quelques milliers de lignes.",
  "Les utilisateurs disposent de trois options : accepter, refuser ou paramétrer.",
  "L'annonce intervient dans un contexte de forte concurrence entre les géants du secteur.",
  "Plusieurs associations dénoncent un manque de transparence sur l'usage des données.",
];
const headings = [
  "Un marché en pleine mutation",
  "Ce qui change pour les utilisateurs",
  "Les réactions",
  "Et maintenant ?",
];

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
const pad = (n: number): string => String(n).padStart(2, "0");

/** Front matter of a generated article, as tests need it to compute expectations independently. */
export interface CorpusEntry {
  file: string;
  slug: string;
  title: string;
  category: string;
  tags: string[];
  /** Paris wall-clock date-time as written: "2019-03-01T08:15". */
  date: string;
  draft: boolean;
}

function body(rnd: () => number, i: number): string {
  const parts: string[] = [];
  const paragraph = (): string =>
    Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(rnd, sentences)).join(" ");
  parts.push(paragraph(), paragraph());
  parts.push(`## ${pick(rnd, headings)}`, paragraph());
  if (i % 3 === 0)
    parts.push("- un premier point : le prix ;\n- un deuxième point : la disponibilité ;\n- enfin, le calendrier !");
  if (i % 4 === 0)
    parts.push(`> "Nous n'avons pas le choix", confie un dirigeant. Et d'ajouter : « c'est maintenant ou jamais ».`);
  if (i % 5 === 0) parts.push("La commande `npm run build` s'exécute en local ; la valeur `a:b?c` ne change pas.");
  parts.push(
    `Plus d'informations sur [le site officiel](https://example.com/annonce?id=${i}&lang=fr) ou sur https://example.org/page?x=1.`,
  );
  parts.push(paragraph());
  return parts.join("\n\n");
}

/** Writes `count` articles into `dir` (created if needed) and returns what it wrote. */
export function generateCorpus(dir: string, count: number, seed = 42): CorpusEntry[] {
  mkdirSync(dir, { recursive: true });
  const rnd = random(seed);
  const start = Date.UTC(2016, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;
  const entries: CorpusEntry[] = [];
  for (let i = 1; i <= count; i++) {
    // A title starts with a capital, as an editor writes it (« La CNIL… », « L’Arcep… »).
    const title = sentenceStart(`${pick(rnd, subjects)} ${pick(rnd, verbs)} ${pick(rnd, objects)}`);
    const title2 = i % 7 === 0 ? `${title} : "une première" ?` : title;
    const category = CATEGORIES[i % CATEGORIES.length]?.slug ?? "tech";
    const tags = [...new Set(Array.from({ length: Math.floor(rnd() * 4) }, () => pick(rnd, tagPool)))];
    const d = new Date(start + Math.floor(rnd() * span));
    // Every tenth article on the first of its month, at an hour near midnight to catch zone slips.
    const hour = i % 10 === 0 ? 0 : d.getUTCHours();
    // A few scheduled articles, dated after any test build, must not be published.
    const year = i % 97 === 0 ? 2031 : d.getUTCFullYear();
    // 2031 is not a leap year: a 29 February moved there becomes the 28th.
    const leapDayMoved = year !== d.getUTCFullYear() && d.getUTCMonth() === 1 && d.getUTCDate() === 29;
    const day = i % 10 === 0 ? 1 : leapDayMoved ? 28 : d.getUTCDate();
    const date = `${year}-${pad(d.getUTCMonth() + 1)}-${pad(day)}T${pad(hour)}:${pad(d.getUTCMinutes())}`;
    const draft = i % 50 === 0;
    const slug = `${slugify(title)}-${i}`;
    const file = join(dir, `${slug}.md`);
    const lines = [
      "---",
      `title: ${JSON.stringify(title2)}`,
      `description: ${JSON.stringify(`${pick(rnd, sentences)} ${pick(rnd, sentences)}`)}`,
      `date: ${date}`,
      ...(i % 9 === 0 ? [`updated: ${year + 1}-01-15T12:00`] : []),
      `category: ${category}`,
      `tags: ${JSON.stringify(tags)}`,
      ...(i % 6 === 0 ? ["author: Camille Martin"] : []),
      ...(draft ? ["draft: true"] : []),
      "---",
      "",
      body(rnd, i),
      "",
    ];
    writeFileSync(file, lines.join("\n"));
    entries.push({ file, slug, title: title2, category, tags, date, draft });
  }
  return entries;
}
