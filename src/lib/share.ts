/**
 * Sharing an article: plain links to each service's own share page (no third-party script, no
 * tracking, they work without JavaScript), in the order French readers use them.
 */

/** One way to share, as the article page lists it. */
export interface ShareLink {
  /** Visible name of the service ("WhatsApp"). */
  name: string;
  /** Said before the name where the link stands alone ("Partager sur" WhatsApp). */
  action: "Partager sur" | "Envoyer par";
  /** The name as heard after `action`, when it differs from the visible one: « Envoyer par e-mail », a common noun. */
  spokenName?: string;
  href: string;
}

/** The share links of the article `title` at the absolute address `url`. */
export function shareLinks(url: string, title: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const both = encodeURIComponent(`${title} ${url}`);
  return [
    { name: "WhatsApp", action: "Partager sur", href: `https://wa.me/?text=${both}` },
    {
      name: "Facebook",
      action: "Partager sur",
      href: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
    },
    {
      name: "X",
      action: "Partager sur",
      href: `https://x.com/intent/post?text=${encodeURIComponent(title)}&url=${u}`,
    },
    {
      name: "LinkedIn",
      action: "Partager sur",
      href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
    },
    { name: "Bluesky", action: "Partager sur", href: `https://bsky.app/intent/compose?text=${both}` },
    {
      name: "E-mail",
      action: "Envoyer par",
      spokenName: "e-mail",
      // mailto wants %20 for spaces, never "+" (encodeURIComponent gives that), and CRLF line breaks (RFC 6068).
      href: `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\r\n\r\n${url}`)}`,
    },
  ];
}
