/**
 * Where subscribers live. The handler only sees the SubscriberStore interface, so another
 * backend (a hosted database, a mailing service's API) can replace SQLite.
 */

/** Where a subscriber stands. */
export type SubscriberStatus = "pending" | "confirmed" | "unsubscribed";

/** One row of the store. */
export interface Subscriber {
  email: string;
  status: SubscriberStatus;
  /** The token of the links out (unsubscribe): the same in every message this address was sent. */
  token: string;
  /**
   * The token of the latest signup's confirmation link, new at each signup of an address not pending: the unsubscribe
   * token, in every message's footer and headers, confirms nothing. Null once unsubscribed, and in a row an older
   * version wrote (whose confirmation link carried `token`).
   */
  confirmToken: string | null;
  source: string;
  /** The latest consent (signup). */
  consentAt: string;
  /** When that consent was confirmed; null while it is not. */
  confirmedAt: string | null;
  /** The latest unsubscription, kept on record after a new signup. */
  unsubscribedAt: string | null;
  /** The first signup. */
  createdAt: string;
  /** The last message that left for this address (a confirmation, a « déjà inscrit(e) »); null when none. */
  mailedAt: string | null;
  /** True once a consent of this address was confirmed, even if confirmedAt was cleared since by a new signup. */
  confirmedOnce: boolean;
  /**
   * The confirmed consent before the latest one, kept when an unsubscribed address signs up again: its request, its
   * page and its confirmation. Null when there was none.
   */
  previousConsent: { consentAt: string; source: string; confirmedAt: string } | null;
}

/** What a signup did; the HTTP answer is the same whatever it is, so nobody learns who is subscribed. */
export type SignupOutcome = "created" | "still-pending" | "already-confirmed" | "resubscribed";

/**
 * Whether a signup sends its message: « send », claimed for this request (mailSent or mailFailed must follow);
 * « recent », one left less than mailEverySeconds ago; « sending », another request is sending it now (or its
 * process died doing so less than mailClaimSeconds ago); « daily-cap », mailsPerDay messages left for it in the last
 * 24 hours.
 */
export type MailDecision = "send" | "recent" | "sending" | "daily-cap";

/** Answer of the rate limiter. */
export interface RateDecision {
  allowed: boolean;
  /** Seconds until a new attempt is allowed (0 when allowed). */
  retryAfter: number;
}

/** The store behind the newsletter. Every method is atomic. */
export interface SubscriberStore {
  /**
   * Records a signup (consent time, source page) and returns the subscriber with its tokens: `newToken` for a new
   * address, whose links out it carries; an address already known keeps its own, so that the links of every message it
   * was sent (the unsubscribe ones above all) keep working. `newConfirmToken` for its confirmation link, unless it is
   * pending already (the link of the message sent then still confirms).
   */
  signup(input: {
    email: string;
    source: string;
    now: Date;
    newToken: string;
    newConfirmToken: string;
    mailEverySeconds: number;
    /** How long a claim to send holds without mailSent or mailFailed (its process died); 30 s by default. */
    mailClaimSeconds?: number;
    /** Messages one address may be sent in 24 hours (counted by mailSent); no cap by default. */
    mailsPerDay?: number;
  }): {
    outcome: SignupOutcome;
    subscriber: Subscriber;
    /**
     * « send » when a message is to be sent now: none left in the last `mailEverySeconds` and none is being sent,
     * whatever the outcome (so that it tells nothing about who is subscribed). The sending is claimed, not recorded:
     * mailSent records it once it has left, mailFailed gives it back.
     */
    mail: MailDecision;
  };
  /** The message claimed by a signup has left at `now`: no other is sent for mailEverySeconds. */
  mailSent(token: string, now: Date): void;
  /** The message claimed by a signup could not be sent: the next signup sends one. */
  mailFailed(token: string): void;
  /**
   * Confirms the pending signup whose confirmation token this is, when its consent was given at or after
   * `consentSince` (its link expires: the message says for how long); true too when that signup is confirmed already,
   * false otherwise.
   */
  confirm(token: string, now: Date, consentSince?: Date): boolean;
  /** Unsubscribes the subscriber holding this token (its links out); false when no one does. */
  unsubscribe(token: string, now: Date): boolean;
  /**
   * Counts an attempt under each limit (its `key`, in a fixed window of `windowSeconds`, `max` at most) and says
   * whether it may go on: counted by all of them when all allow it, and by none when one refuses it (`refused`: its
   * key; a refused attempt is not counted).
   */
  hits(
    limits: readonly { key: string; windowSeconds: number; max: number }[],
    now: Date,
  ): RateDecision & { refused?: string };
  /** Confirmed subscribers, oldest first. */
  confirmed(): Subscriber[];
  /** Looks a subscriber up by address (tests, support). */
  find(email: string): Subscriber | undefined;
  /**
   * Erases the row of this address, whatever its state (a reader's request to the editor), and its rate counter, leaving
   * no copy in the store's files; what it held, if any.
   */
  erase(email: string): Subscriber | undefined;
  /**
   * Retention: erases the signups never confirmed whose consent is older than `pendingBefore`, pending or unsubscribed
   * (one that followed the unsubscription of a confirmed signup goes back to unsubscribed, its record and token kept),
   * and the rate counters whose window started at or before `rateBefore` (seconds). Says how many of each.
   */
  purge(before: { pendingBefore: Date; rateBefore: number }): { pending: number; rates: number };
  /** True when the store can be written. */
  writable(): boolean;
  close(): void;
}
