/**
 * The newsletter's rules, in one place: what a request may be, how often an address or a client may sign up and be
 * mailed, and how long what serves no subscription is kept (the privacy page says so). The handler applies them,
 * the messages and pages say them.
 */
import type { MailTransport } from "./mail.ts";
import type { SubscriberStore } from "./store.ts";

/** Largest body accepted. */
export const MAX_BODY_BYTES = 4096;
/** Time a client has to send its body. */
export const BODY_TIMEOUT_MS = 10_000;
/** Signups allowed for one mailbox (addressRateKey: its « +tag » variants together) per window. */
export const RATE_LIMIT = { max: 5, windowSeconds: 3600 };
/**
 * And per day: without it, a stranger could have 5 messages an hour sent to one mailbox, each to another variant
 * (whose own cap is MAILS_PER_DAY), 120 a day.
 */
export const DAILY_RATE_LIMIT = { max: 10, windowSeconds: 86_400 };
/**
 * Signups allowed from one client (clientKey: an IP address, an IPv6 /64) per window, whatever the
 * addresses: each sends a confirmation e-mail, and a robot must not turn the site into a mail cannon.
 * A family or an office behind one address stays far below.
 */
export const CLIENT_RATE_LIMIT = { max: 20, windowSeconds: 3600 };
/**
 * How long data is kept that serves no subscription: an address that never confirmed a signup, pending or unsubscribed,
 * 30 days after its last request (the privacy page says so).
 */
export const RETENTION = { pendingDays: 30 };
/** How often the server applies RETENTION (and drops expired rate counters). */
export const PURGE_EVERY_MS = 3_600_000;
/** Seconds a reader is asked to wait when the service is unavailable (Retry-After). */
export const UNAVAILABLE_RETRY_SECONDS = 60;
/** Name of the field that people never see and robots fill in. */
export const HONEYPOT_FIELD = "site_web";

/**
 * One message at most per address in this time (a confirmation, or « déjà inscrite »): a pending address sent
 * again and again is not mailed each time. Meanwhile the answer is the same (the last message is recent).
 */
export const MAIL_EVERY_SECONDS = 600;
/**
 * Messages one address is sent in 24 hours at most (confirmations and « déjà inscrite » alike): past them, a signup
 * gets the same answer and sends nothing, so a robot behind a proxy without a per-client limit cannot flood a mailbox.
 */
export const MAILS_PER_DAY = 3;
/**
 * How long a request's claim to send a message holds: meanwhile an identical signup of the same process waits for
 * that sending and answers as it does (a claim this process does not hold, another server's or a dead one's, is
 * taken over: handleSignup in handler.ts). Longer than an SMTP sending may take (SMTP_TIMEOUTS: 5 s to connect, 5 s for the
 * greeting, 10 s without an answer).
 */
export const MAIL_CLAIM_SECONDS = 30;

/**
 * How long the SMTP server has to answer (nodemailer's timeouts: to connect, for its greeting, without an answer):
 * a reader waits for the signup's answer meanwhile, 20 s at worst.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 };
/**
 * How long the signup box's script waits for the answer before it says the server cannot be reached (the address stays
 * in the field): longer than the server may take with its SMTP timeouts, so that an answer on its way is never
 * abandoned. The order of these three is checked by a unit test.
 */
export const SIGNUP_ANSWER_WAIT_MS = 25_000;

/**
 * Applies RETENTION at `now`: signups never confirmed erased RETENTION.pendingDays after their last request (even
 * unsubscribed), and the messages the outbox has kept as long, rate counters whose window is over dropped (the server
 * runs it at startup and every PURGE_EVERY_MS).
 */
export function purgeExpired(
  store: SubscriberStore,
  mail: MailTransport,
  now: Date,
): { pending: number; rates: number; messages: number } {
  const window = Math.max(RATE_LIMIT.windowSeconds, DAILY_RATE_LIMIT.windowSeconds, CLIENT_RATE_LIMIT.windowSeconds);
  const pendingBefore = new Date(now.getTime() - RETENTION.pendingDays * 86_400_000);
  const erased = store.purge({ pendingBefore, rateBefore: Math.floor(now.getTime() / 1000) - window });
  return { ...erased, messages: mail.purge?.(pendingBefore) ?? 0 };
}
