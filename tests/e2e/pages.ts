/** One URL of each page type, for checks that sweep the whole site. */
export const pageTypes = {
  home: "/",
  article: "/articles/tencent-et-ant-group-dans-la-ligne-de-mire-des-etats-unis/",
  category: "/categorie/international/",
  categories: "/categorie/",
  tag: "/tag/tencent/",
  tags: "/tag/",
  year: "/2020/",
  month: "/2020/10/",
  day: "/2020/10/12/",
  archives: "/archives/",
  about: "/a-propos/",
  legal: "/mentions-legales/",
  notFound: "/404.html",
  newsletter: "/newsletter/",
  thanks: "/newsletter/merci/",
  privacy: "/confidentialite/",
} as const;
