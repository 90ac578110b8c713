/**
 * Mail to subscribers, composed by nodemailer (headers encoded, no injection possible). The
 * default transport writes each message as an .eml file in an outbox folder; with SMTP_URL an
 * SMTP server sends it, and a message it refuses is also kept in the outbox for the operator.
 * The outbox keeps a message as long as an unconfirmed signup (RETENTION, policy.ts): it holds
 * the address and its link.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import nodemailer from "nodemailer";
import { SITE } from "../../config.ts";
import { SMTP_TIMEOUTS } from "./policy.ts";

/** A message to one subscriber. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Every message carries one: the one-click address (List-Unsubscribe, RFC 8058), POSTed to by mail clients. */
  unsubscribeUrl: string;
}

/** Sends or stores a message. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  /** False when a message could not be sent or stored now (/healthz); absent when that cannot be known cheaply. */
  writable?(): boolean;
  /** Erases the copies of messages it keeps (the outbox) written before `before`; how many. */
  purge?(before: Date): number;
}

/**
 * A message as nodemailer sends it. A reply goes to the newsroom, the address the site gives readers (the sender's is
 * the newsletter's own, which nobody reads); Auto-Submitted (RFC 3834) keeps out-of-office answers from replying.
 */
const envelope = (from: string, m: MailMessage) => ({
  from,
  to: m.to,
  replyTo: SITE.publisher.email,
  subject: m.subject,
  text: m.text,
  html: m.html,
  headers: {
    "List-Unsubscribe": `<${m.unsubscribeUrl}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    "Auto-Submitted": "auto-generated",
  },
});

/** Writes each message as `<time>-<random>.eml` under `dir`. */
export function outboxTransport(dir: string, from: string): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(message) {
      const info = await composer.sendMail(envelope(from, message));
      // A message holds an address and its confirmation link: for the server's user alone, like the database.
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`;
      writeFileSync(join(dir, name), info.message as Buffer, { mode: 0o600 });
    },
    writable() {
      // A real file, written then removed: the folder's permissions alone would not say it for root.
      const probe = join(dir, `.sonde-${randomBytes(4).toString("hex")}`);
      try {
        // The same mode as send's: made here first (by /healthz), the folder is for the server's user alone too.
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        writeFileSync(probe, "");
        rmSync(probe);
        return true;
      } catch {
        return false;
      }
    },
    purge(before) {
      let erased = 0;
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return 0;
      }
      for (const name of names.filter((n) => n.endsWith(".eml"))) {
        const file = join(dir, name);
        const written = statSync(file, { throwIfNoEntry: false })?.mtime;
        if (written === undefined || written.getTime() >= before.getTime()) continue;
        rmSync(file, { force: true });
        erased += 1;
      }
      return erased;
    },
  };
}

/**
 * Erases the messages of the outbox at `dir` written to this subscriber (an erasure request): each carries its token
 * in its links (quoted-printable, whose soft line breaks and =3D are read through) or its address. How many.
 */
export function eraseOutboxMessages(dir: string, subscriber: { email: string; token: string }): number {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".eml"));
  } catch {
    return 0;
  }
  // The whole address, never the end of a longer one (petitjean@… for jean@…) nor the start of a longer domain.
  const escaped = subscriber.email.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const address = new RegExp(`(?<![\\p{L}\\p{N}_.+%-])${escaped}(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])`, "u");
  let erased = 0;
  for (const name of names) {
    const file = join(dir, name);
    let raw: string;
    try {
      raw = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    const plain = raw.replace(/=\r?\n/g, "").replace(/=3D/gi, "=");
    if (!plain.includes(`token=${subscriber.token}`) && !address.test(plain.toLowerCase())) continue;
    rmSync(file, { force: true });
    erased += 1;
  }
  return erased;
}

/**
 * What the log says of a failed sending: the SMTP reply code and the command it answered, or the error's code
 * (ETIMEDOUT, ECONNREFUSED…), never its message, which quotes the server's reply and with it the address
 * (« 550 5.1.1 <lecteur@exemple.fr>: Recipient address rejected »).
 */
export function smtpErrorSummary(error: unknown): string {
  const { responseCode, command, code } = (error ?? {}) as {
    responseCode?: unknown;
    command?: unknown;
    code?: unknown;
  };
  const parts: string[] = [];
  if (typeof responseCode === "number") parts.push(`réponse ${String(responseCode)}`);
  if (typeof command === "string" && /^[A-Z]+(?: [A-Z]+)?$/.test(command)) parts.push(`à ${command}`);
  if (typeof code === "string" && /^[A-Z][A-Z_]*$/.test(code)) parts.push(`(${code})`);
  return parts.length > 0 ? parts.join(" ") : "erreur sans code";
}

/**
 * Sends through the SMTP server of `url` (smtp://user:pass@host:587). A message it refuses (or a
 * server that does not answer in time) is kept in `fallback` for the operator, and the sending
 * fails, with nodemailer's error: the handler tells the reader their address was refused when the
 * server refused the recipient for good (5xx to RCPT TO), and to try again otherwise.
 */
export function smtpTransport(url: string, from: string, fallback: MailTransport): MailTransport {
  const smtp = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS });
  return {
    async send(message) {
      try {
        await smtp.sendMail(envelope(from, message));
      } catch (error) {
        console.error(`SMTP\u00a0: envoi impossible, message gardé dans la boîte d’envoi (${smtpErrorSummary(error)})`);
        await fallback.send(message).catch(() => undefined);
        throw error;
      }
    },
    purge: (before) => fallback.purge?.(before) ?? 0,
  };
}

/** Escapes text for a message's HTML: escapeXml (xml.ts) writes &apos;, which older mail clients show as typed. */
const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** The addresses a confirmation message links to. */
export interface ConfirmationLinks {
  /** The page with the « Confirmer » button. */
  confirm: string;
  /** The page with the « Se désinscrire » button, for the reader. */
  unsubscribePage: string;
  /** The route mail clients POST to (List-Unsubscribe). */
  oneClickUnsubscribe: string;
}

/** The addresses a message to an already confirmed subscriber links to. */
export type UnsubscribeLinks = Pick<ConfirmationLinks, "unsubscribePage" | "oneClickUnsubscribe">;

/** A paragraph of a message: its plain text, and its HTML (escaped, links as links). */
interface Paragraph {
  text: string;
  html: string;
}

/**
 * A French message: « Bonjour, », the paragraphs, the way to leave, the signature; as text and as HTML, which say the
 * same things in the same words.
 */
function letter(to: string, subject: string, paragraphs: readonly Paragraph[], links: UnsubscribeLinks): MailMessage {
  const { unsubscribePage: unsubscribeUrl } = links;
  const leave = `Pour ne plus rien recevoir de ${SITE.name}`;
  const text = [
    "Bonjour,",
    "",
    ...paragraphs.flatMap((paragraph) => [paragraph.text, ""]),
    `— La rédaction de ${SITE.name}`,
    "",
    `${leave}\u00a0: ${unsubscribeUrl}`,
  ].join("\n");
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>
<p>Bonjour,</p>
${paragraphs.map((paragraph) => `<p>${paragraph.html}</p>\n`).join("")}<p>— La rédaction de ${escapeHtml(SITE.name)}</p>
<p><small>${escapeHtml(leave)}&nbsp;: <a href="${escapeHtml(unsubscribeUrl)}">se désinscrire</a></small></p>
</body></html>`;
  return { to, subject, text, html, unsubscribeUrl: links.oneClickUnsubscribe };
}

/** « Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail », then what follows, as text and HTML. */
const notYou = (then: string): Paragraph => {
  const sentence = "Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail";
  return { text: `${sentence}\u00a0: ${then}`, html: `${sentence}&nbsp;: ${then}` };
};

/**
 * The French message that asks a new subscriber to confirm; its link works for `validDays` (RETENTION.pendingDays,
 * after which the unconfirmed signup is erased).
 */
export function confirmationMessage(to: string, links: ConfirmationLinks, validDays: number): MailMessage {
  const asked = `Vous avez demandé à recevoir la newsletter de ${SITE.name}, l’actualité tech ${SITE.newsletter.frequency}.`;
  const open = "Pour confirmer votre inscription, ouvrez ce lien";
  const expires = (space: string): string =>
    `Ce lien est valable ${String(validDays)}${space}jours${space}: sans confirmation d’ici là, votre demande est effacée.`;
  return letter(
    to,
    `Confirmez votre inscription à la newsletter de ${SITE.name}`,
    [
      { text: asked, html: asked },
      {
        text: `${open}\u00a0:\n${links.confirm}`,
        html: `${open}&nbsp;:<br><a href="${escapeHtml(links.confirm)}">Confirmer mon inscription</a>`,
      },
      { text: expires("\u00a0"), html: expires("&nbsp;") },
      notYou("sans confirmation, vous ne recevrez rien."),
    ],
    links,
  );
}

/**
 * The French message for a confirmed subscriber whose address is sent again: nothing to confirm, the
 * subscription goes on, and the way to leave. It is sent like a confirmation, so the answer to the
 * form (« un e-mail de confirmation vous a été envoyé ») is true and takes as long: nobody learns who is subscribed.
 * Worded without a gendered participle (« votre adresse est déjà inscrite »), as every newsletter text.
 */
export function alreadySubscribedMessage(to: string, links: UnsubscribeLinks): MailMessage {
  const again = `Quelqu’un, sans doute vous, a de nouveau inscrit cette adresse à la newsletter de ${SITE.name}. Elle l’est déjà`;
  const rest = "il n’y a rien à confirmer, et vous continuerez à recevoir la newsletter.";
  return letter(
    to,
    `Votre adresse est déjà inscrite à la newsletter de ${SITE.name}`,
    [{ text: `${again}\u00a0: ${rest}`, html: `${again}&nbsp;: ${rest}` }, notYou("rien ne change.")],
    links,
  );
}
