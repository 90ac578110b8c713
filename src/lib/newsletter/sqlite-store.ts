/** SubscriberStore on SQLite, through Node's built-in node:sqlite (no native build). */
import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { DatabaseSync } from "node:sqlite";
import { addressRateKey, emailKey } from "./email.ts";
import { MAIL_CLAIM_SECONDS } from "./policy.ts";
import type {
  MailDecision,
  RateDecision,
  SignupOutcome,
  Subscriber,
  SubscriberStatus,
  SubscriberStore,
} from "./store.ts";
import { messageOf } from "../errors.ts";

/** The messages a day to one address when the caller sets no cap (MAILS_PER_DAY, policy.ts): none. */
const NO_DAILY_CAP = 1_000_000_000;
const DAY_SECONDS = 86_400;

interface Row {
  email: string;
  status: SubscriberStatus;
  token: string;
  confirm_token?: string | null;
  source: string;
  consent_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  created_at: string;
  /** Absent from a database older than the column (a backup the export reads without upgrading it). */
  mailed_at?: string | null;
  confirmed_once?: number;
  mail_claimed_at?: string | null;
  previous_consent_at?: string | null;
  previous_source?: string | null;
  previous_confirmed_at?: string | null;
}

/** A rate counter's row. */
interface RateRow {
  window_start: number;
  count: number;
}

const toSubscriber = (r: Row): Subscriber => ({
  email: r.email,
  status: r.status,
  token: r.token,
  confirmToken: r.confirm_token ?? null,
  source: r.source,
  consentAt: r.consent_at,
  confirmedAt: r.confirmed_at,
  unsubscribedAt: r.unsubscribed_at,
  createdAt: r.created_at,
  mailedAt: r.mailed_at ?? null,
  confirmedOnce: r.confirmed_once === 1 || r.confirmed_at !== null,
  previousConsent:
    r.previous_consent_at != null && r.previous_confirmed_at != null
      ? { consentAt: r.previous_consent_at, source: r.previous_source ?? "", confirmedAt: r.previous_confirmed_at }
      : null,
});

const schema = `
CREATE TABLE IF NOT EXISTS subscribers (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  -- One person, one row: emailKey(email), unique. NULL only for a second row of one mailbox (case variants of an
  -- accented address) that an older version wrote, kept with its token (fillKeys).
  email_key TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
  token TEXT NOT NULL UNIQUE,
  -- The latest signup's confirmation link (unique index subscribers_confirm_token): new at each signup of an address
  -- not pending, cleared at unsubscription. Never the token above, which every message carries to unsubscribe: with
  -- it, anyone holding an old newsletter could sign its reader up again and confirm.
  confirm_token TEXT,
  source TEXT NOT NULL,
  consent_at TEXT NOT NULL,
  confirmed_at TEXT,
  unsubscribed_at TEXT,
  created_at TEXT NOT NULL,
  -- The last message sent (confirmation, « déjà inscrit(e) »): one every few minutes at most. Written once it has left.
  mailed_at TEXT,
  -- A message being sent since then (one request sends, identical ones meanwhile do not): cleared when it has left or
  -- failed, and disregarded after a short time (a process that died while sending never clears it).
  mail_claimed_at TEXT,
  -- The messages sent in the day that started at mail_day_start: a few a day at most (mailsPerDay).
  mail_day_start TEXT,
  mail_day_count INTEGER NOT NULL DEFAULT 0,
  -- 1 once a consent of this address was confirmed, kept when confirmed_at is cleared by a new signup: an address
  -- never confirmed is kept no longer than a pending signup, even unsubscribed.
  confirmed_once INTEGER NOT NULL DEFAULT 0,
  -- The confirmed consent before the latest one (its request, page and confirmation), moved here when an unsubscribed
  -- address signs up again: the proof of the consent under which the earlier e-mails went, which anyone typing the
  -- address would otherwise erase.
  previous_consent_at TEXT,
  previous_source TEXT,
  previous_confirmed_at TEXT
);
CREATE TABLE IF NOT EXISTS rate_limits (
  key TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL
);
`;

/**
 * Gives its email_key to each row without one (SQLite lower-cases ASCII only, so the key is computed in JavaScript)
 * whose key no other row holds: every row of a database made before the column existed, and any row written since
 * by an older version (a rollback, two versions running during a deployment), which would otherwise go unfound and
 * make every signup of its address fail on UNIQUE(email). Where rows are the same mailbox (« Élise@ » and
 * « élise@ », which the older lookup kept apart), a confirmed row gets the key before a pending or unsubscribed one,
 * then the older; the others keep everything, their token included, so their links keep working.
 */
function fillKeys(db: DatabaseSync): void {
  const rows = db
    .prepare("SELECT id, email FROM subscribers WHERE email_key IS NULL ORDER BY status = 'confirmed' DESC, id")
    .all() as { id: number; email: string }[];
  const taken = db.prepare("SELECT 1 FROM subscribers WHERE email_key = ?");
  const setKey = db.prepare("UPDATE subscribers SET email_key = ? WHERE id = ?");
  for (const row of rows) {
    const key = emailKey(row.email);
    if (taken.get(key) === undefined) setKey.run(key, row.id);
  }
}

/**
 * Ends the transaction `db` is in, if it is still in one: SQLite rolls a transaction back by itself on some errors
 * (SQLITE_FULL, a full disk), and a ROLLBACK then would throw « no transaction is active » in place of the real error.
 */
function rollbackIfOpen(db: DatabaseSync): void {
  if (db.isTransaction) db.exec("ROLLBACK");
}

/**
 * Brings a database made by an older version up to this schema without losing a row: mailed_at, confirmed_once,
 * mail_claimed_at, mail_day_start and mail_day_count, and
 * the email_key column (fillKeys), then its unique index. Rows without a key are given one on every opening, and rows
 * with a confirmation date their confirmed_once (an older version does not set it).
 */
function upgrade(db: DatabaseSync): void {
  const columns = (): string[] =>
    (db.prepare("PRAGMA table_info(subscribers)").all() as { name: string }[]).map((c) => c.name);
  const missing = (): boolean =>
    [
      "email_key",
      "mailed_at",
      "confirmed_once",
      "mail_claimed_at",
      "mail_day_start",
      "previous_confirmed_at",
      "confirm_token",
    ].some((name) => !columns().includes(name));
  const keyless = (): boolean =>
    db.prepare("SELECT 1 FROM subscribers WHERE email_key IS NULL LIMIT 1").get() !== undefined;
  if (missing() || keyless()) {
    db.exec("BEGIN IMMEDIATE");
    try {
      // Another process may have done it meanwhile.
      if (!columns().includes("mailed_at")) db.exec("ALTER TABLE subscribers ADD COLUMN mailed_at TEXT");
      if (!columns().includes("email_key")) db.exec("ALTER TABLE subscribers ADD COLUMN email_key TEXT");
      if (!columns().includes("confirmed_once"))
        db.exec("ALTER TABLE subscribers ADD COLUMN confirmed_once INTEGER NOT NULL DEFAULT 0");
      if (!columns().includes("mail_claimed_at")) db.exec("ALTER TABLE subscribers ADD COLUMN mail_claimed_at TEXT");
      if (!columns().includes("mail_day_start"))
        db.exec(
          "ALTER TABLE subscribers ADD COLUMN mail_day_start TEXT; ALTER TABLE subscribers ADD COLUMN mail_day_count INTEGER NOT NULL DEFAULT 0;",
        );
      if (!columns().includes("previous_confirmed_at"))
        db.exec(
          "ALTER TABLE subscribers ADD COLUMN previous_consent_at TEXT; ALTER TABLE subscribers ADD COLUMN previous_source TEXT; ALTER TABLE subscribers ADD COLUMN previous_confirmed_at TEXT;",
        );
      // Rows without one keep confirming with `token`, as the links already sent do (see the confirm query); but a
      // signup made after an unsubscription, pending now, may be a stranger's holding an old e-mail's links: it gets
      // a confirmation token of its own (its reader's link then fails; signing up again sends the new one).
      if (!columns().includes("confirm_token")) {
        db.exec("ALTER TABLE subscribers ADD COLUMN confirm_token TEXT");
        const renewed = db.prepare("UPDATE subscribers SET confirm_token = ? WHERE id = ?");
        const rows = db
          .prepare("SELECT id FROM subscribers WHERE status = 'pending' AND unsubscribed_at IS NOT NULL")
          .all() as { id: number }[];
        for (const { id } of rows) renewed.run(randomBytes(24).toString("base64url"), id);
      }
      fillKeys(db);
      db.exec("COMMIT");
    } catch (error) {
      rollbackIfOpen(db);
      throw error;
    }
  }
  db.exec(
    "CREATE UNIQUE INDEX IF NOT EXISTS subscribers_email_key ON subscribers (email_key); DROP INDEX IF EXISTS subscribers_email_nocase;" +
      "CREATE UNIQUE INDEX IF NOT EXISTS subscribers_confirm_token ON subscribers (confirm_token);",
  );
  db.exec("UPDATE subscribers SET confirmed_once = 1 WHERE confirmed_once = 0 AND confirmed_at IS NOT NULL");
}

/**
 * The database's version of secure deletion (PRAGMA user_version): 1 once the file was rewritten from its live rows
 * alone. Before secure_delete was set at every opening, what SQLite freed stayed readable (a page split left its
 * whole page's old rows behind): a database of that time is rewritten once (VACUUM), at its first opening by this
 * version, and an erasure needs no rewriting since. A rewrite that cannot be done now (another connection writing,
 * a full disk) is tried again at the next opening, and the opening goes on.
 */
const SECURE_DELETE_VERSION = 1;
function rewriteOnce(db: DatabaseSync): void {
  const { user_version: version } = db.prepare("PRAGMA user_version").get() as { user_version: number };
  if (version >= SECURE_DELETE_VERSION) return;
  try {
    db.exec(`VACUUM; PRAGMA user_version = ${String(SECURE_DELETE_VERSION)}; PRAGMA wal_checkpoint(TRUNCATE);`);
  } catch (error) {
    console.error(
      `Base des abonnés\u00a0: réécriture sans les données effacées remise à plus tard (${messageOf(error)})`,
    );
  }
}

/** The identity of a file on disk, to notice it was removed or replaced under an open database. */
const identity = (file: string): string | undefined => {
  const info = statSync(file, { throwIfNoEntry: false });
  return info === undefined ? undefined : `${String(info.dev)}:${String(info.ino)}`;
};

/** The confirmed subscribers, oldest confirmation first: for the store and for a read-only export alike. */
const CONFIRMED_QUERY = "SELECT * FROM subscribers WHERE status = 'confirmed' ORDER BY confirmed_at, id";

/** The result of `read` on `db`, which is closed after. */
const readAndClose = <T>(db: DatabaseSync, read: (db: DatabaseSync) => T): T => {
  try {
    return read(db);
  } finally {
    db.close();
  }
};

/**
 * `read` run on the database at `file`, opened without writing anything (an export, a lookup, a backup on
 * read-only media): no schema, no WAL switch. SQLite reads a WAL database in a folder it cannot write when its
 * -wal and -shm files are there; when it cannot even open it so (no -shm, which it cannot create), the file is
 * read as immutable (readImmutable).
 */
function readOnly<T>(file: string, read: (db: DatabaseSync) => T): T {
  try {
    return readAndClose(new DatabaseSync(file, { readOnly: true }), read);
  } catch (error) {
    if (!/unable to open|readonly|read-only/i.test(messageOf(error))) throw error;
    return readImmutable(file, read);
  }
}

/**
 * `read` run on `file` read as immutable: SQLite then reads the main file alone and ignores its -wal file, which
 * holds the latest writes until a checkpoint. So it refuses while that file is not empty, rather than answer
 * without the latest signups and confirmations.
 */
function readImmutable<T>(file: string, read: (db: DatabaseSync) => T): T {
  const wal = statSync(`${file}-wal`, { throwIfNoEntry: false });
  if (wal !== undefined && wal.size > 0)
    throw new Error(
      `${file}-wal est non vide et ${file}-shm manque\u00a0: les dernières écritures de la base seraient ignorées. ` +
        `Copiez aussi le fichier -shm, lisez la base depuis un dossier accessible en écriture, ou arrêtez le serveur ` +
        `(qui vide le fichier -wal en se fermant) avant de la copier.`,
    );
  return readAndClose(new DatabaseSync(`${pathToFileURL(file).href}?immutable=1`, { readOnly: true }), read);
}

const confirmedRows = (db: DatabaseSync): Subscriber[] =>
  (db.prepare(CONFIRMED_QUERY).all() as unknown as Row[]).map(toSubscriber);

/** The confirmed subscribers of the database at `file`, oldest first, read without writing anything (readOnly). */
export function readConfirmed(file: string): Subscriber[] {
  return readOnly(file, confirmedRows);
}

/** The confirmed subscribers of `file` read as immutable (readImmutable), refused while its -wal file is not empty. */
export function readConfirmedImmutable(file: string): Subscriber[] {
  return readImmutable(file, confirmedRows);
}

/**
 * The subscriber of `email` (compared by emailKey) in the database at `file`, read without writing anything
 * (readOnly): `chercher` works on a backup on read-only media, and on a database older than the email_key column.
 */
export function findReadOnly(file: string, email: string): Subscriber | undefined {
  const key = emailKey(email);
  return readOnly(file, (db) => {
    const keyed = (db.prepare("PRAGMA table_info(subscribers)").all() as { name: string }[]).some(
      (c) => c.name === "email_key",
    );
    const rows = keyed
      ? (db.prepare("SELECT * FROM subscribers WHERE email_key = ?").all(key) as unknown as Row[])
      : (db.prepare("SELECT * FROM subscribers").all() as unknown as Row[]).filter((r) => emailKey(r.email) === key);
    const row = rows[0];
    return row === undefined ? undefined : toSubscriber(row);
  });
}

/**
 * How long the server waits for another connection's write lock (the editor's commands, a backup, an sqlite3 shell)
 * before a request gets its 503: node:sqlite is synchronous, and the whole process (every page) waits meanwhile.
 */
export const SERVER_BUSY_TIMEOUT_MS = 250;
/** How long the editor's commands wait for the server's write lock: nobody else waits on them. */
export const ADMIN_BUSY_TIMEOUT_MS = 5_000;

/**
 * Addresses and their tokens are for the server's user alone, whatever the umask: a new folder 0700, a new database
 * 0600 (SQLite gives its -wal and -shm files the database's mode), and an existing database (with its -wal and
 * -shm) open to others narrowed. What cannot be done here (a read-only folder, a file of another user) is left to
 * SQLite, whose opening says it.
 */
function keepPrivate(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(file, "wx", 0o600));
  } catch {
    for (const path of [file, `${file}-wal`, `${file}-shm`]) {
      try {
        const { mode } = statSync(path);
        if ((mode & 0o077) !== 0) chmodSync(path, mode & 0o700);
      } catch {
        // Not there, or not ours to change.
      }
    }
  }
}

/**
 * Opens (and creates, with its folder) the database at `file`, in WAL mode, waiting `busyTimeoutMs` at most for
 * another connection's lock (SERVER_BUSY_TIMEOUT_MS by default). When a step of the opening fails (a
 * read-only file, not a database), the file is closed before the error goes on: a server that tries again on
 * each request would otherwise keep one more handle each time, until the process can open no file at all.
 */
export function openSqliteStore(
  file: string,
  { busyTimeoutMs = SERVER_BUSY_TIMEOUT_MS }: { busyTimeoutMs?: number } = {},
): SubscriberStore {
  keepPrivate(file);
  const db = new DatabaseSync(file);
  try {
    // First: switching to WAL and the schema may already wait for a lock.
    db.exec(`PRAGMA busy_timeout = ${String(Math.round(busyTimeoutMs))};`);
    return prepareStore(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The store over `db`, open at `file`: schema and upgrade first, then its statements. */
function prepareStore(db: DatabaseSync, file: string): SubscriberStore {
  const opened = identity(file);
  // A database file deleted or replaced while open would take every later signup with it, unseen.
  const stillThere = (): void => {
    if (identity(file) !== opened) throw new Error(`${file} a été supprimé ou remplacé\u00a0: redémarrez le serveur`);
  };
  // secure_delete: what SQLite frees is overwritten with zeros, not only unlinked. Without it, a row's earlier
  // versions stay readable in the file (a page split leaves the whole page's old rows behind), and an address
  // erased on request (`npm run subscribers -- supprimer`) could be read back from the file or its backups.
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;");
  db.exec(schema);
  upgrade(db);
  rewriteOnce(db);

  const byKey = db.prepare("SELECT * FROM subscribers WHERE email_key = ?");
  const byId = db.prepare("SELECT * FROM subscribers WHERE id = ?");
  const eraseByKey = db.prepare("DELETE FROM subscribers WHERE email_key = ? RETURNING *");
  // Claims the sending of a message when none was sent since ?3, none is being sent since ?4 (a claim older than that
  // is one its process never finished), and fewer than ?6 were sent in the day started after ?5 (ISO dates compare as
  // text); RETURNING says whether.
  const claimMail = db.prepare(
    `UPDATE subscribers SET mail_claimed_at = ?1 WHERE id = ?2 AND (mailed_at IS NULL OR mailed_at <= ?3)
       AND (mail_claimed_at IS NULL OR mail_claimed_at <= ?4)
       AND (mail_day_start IS NULL OR mail_day_start <= ?5 OR mail_day_count < ?6) RETURNING id`,
  );
  const releaseMail = db.prepare("UPDATE subscribers SET mail_claimed_at = NULL WHERE token = ?");
  // A message left at ?1: counted in the current day, or the first of a new one when that day (since ?3) is over.
  const recordMail = db.prepare(
    `UPDATE subscribers SET mailed_at = ?1, mail_claimed_at = NULL,
       mail_day_count = CASE WHEN mail_day_start IS NULL OR mail_day_start <= ?3 THEN 1 ELSE mail_day_count + 1 END,
       mail_day_start = CASE WHEN mail_day_start IS NULL OR mail_day_start <= ?3 THEN ?1 ELSE mail_day_start END
     WHERE token = ?2`,
  );
  const insert = db.prepare(
    "INSERT INTO subscribers (email, email_key, status, token, confirm_token, source, consent_at, created_at) VALUES (?, ?, 'pending', ?, ?, ?, ?, ?)",
  );
  // The token is kept: the links of earlier messages (List-Unsubscribe above all) must still unsubscribe. The new
  // consent gets its own confirmation token and is not confirmed yet (confirmed_at cleared); the earlier
  // unsubscription stays on record, as does the earlier consent when it was confirmed (previous_*: SQLite reads the
  // row as it was on the right of each =).
  // mailed_at cleared: the message sent before the unsubscription (a « déjà inscrit(e) ») had no confirmation link.
  const renew = db.prepare(
    `UPDATE subscribers SET
       previous_consent_at = CASE WHEN confirmed_at IS NULL THEN previous_consent_at ELSE consent_at END,
       previous_source = CASE WHEN confirmed_at IS NULL THEN previous_source ELSE source END,
       previous_confirmed_at = COALESCE(confirmed_at, previous_confirmed_at),
       status = 'pending', confirm_token = ?, source = ?, consent_at = ?, confirmed_at = NULL, mailed_at = NULL
     WHERE id = ?`,
  );
  // A pending address signed up again: the retention's 30 days start again from this request, whose message
  // carries the confirmation link, the same as before.
  const reconsent = db.prepare("UPDATE subscribers SET source = ?, consent_at = ? WHERE id = ?");
  // The signup whose confirmation token this is; a row without one (written by an older version, whose message's
  // link carried `token`) by its token. A row unsubscribed since has none, and is not pending anyway.
  const byConfirmToken = "(confirm_token = ?1 OR (confirm_token IS NULL AND token = ?1))";
  const confirm = db.prepare(
    `UPDATE subscribers SET status = 'confirmed', confirmed_at = ?2, confirmed_once = 1
     WHERE ${byConfirmToken} AND status = 'pending' AND consent_at >= ?3`,
  );
  const isConfirmed = db.prepare(`SELECT 1 FROM subscribers WHERE ${byConfirmToken} AND status = 'confirmed'`);
  const unsubscribe = db.prepare(
    "UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = ?, confirm_token = NULL WHERE token = ? AND status != 'unsubscribed'",
  );
  const exists = db.prepare("SELECT 1 FROM subscribers WHERE token = ?");
  const confirmed = db.prepare(CONFIRMED_QUERY);
  const rate = db.prepare("SELECT window_start, count FROM rate_limits WHERE key = ?");
  const setRate = db.prepare(
    "INSERT INTO rate_limits (key, window_start, count) VALUES (?1, ?2, ?3) ON CONFLICT (key) DO UPDATE SET window_start = ?2, count = ?3",
  );
  const prune = db.prepare("DELETE FROM rate_limits WHERE window_start <= ?");
  const eraseRate = db.prepare("DELETE FROM rate_limits WHERE key = ?");
  // Back to unsubscribed: a new signup, unconfirmed, of an address that had confirmed an earlier one and left.
  const lapse = db.prepare(
    "UPDATE subscribers SET status = 'unsubscribed', confirm_token = NULL WHERE status = 'pending' AND unsubscribed_at IS NOT NULL AND confirmed_once = 1 AND consent_at < ?",
  );
  // Then every signup never confirmed, pending or unsubscribed (a one-click unsubscribe from the confirmation message):
  // an address that never consented is not kept longer because it said no.
  const forget = db.prepare(
    "DELETE FROM subscribers WHERE consent_at < ? AND (status = 'pending' OR (status = 'unsubscribed' AND confirmed_once = 0))",
  );

  const transaction = <T>(work: () => T): T => {
    stillThere();
    db.exec("BEGIN IMMEDIATE");
    try {
      const result = work();
      db.exec("COMMIT");
      return result;
    } catch (error) {
      rollbackIfOpen(db);
      throw error;
    }
  };

  let hits = 0;
  return {
    signup({
      email,
      source,
      now,
      newToken,
      newConfirmToken,
      mailEverySeconds,
      mailClaimSeconds = MAIL_CLAIM_SECONDS,
      mailsPerDay = NO_DAILY_CAP,
    }) {
      return transaction(() => {
        const at = now.toISOString();
        const row = byKey.get(emailKey(email)) as (Row & { id: number }) | undefined;
        let outcome: SignupOutcome;
        let id: number | bigint;
        if (row === undefined) {
          id = insert.run(email, emailKey(email), newToken, newConfirmToken, source, at, at).lastInsertRowid;
          outcome = "created";
        } else if (row.status === "unsubscribed") {
          renew.run(newConfirmToken, source, at, row.id);
          id = row.id;
          outcome = "resubscribed";
        } else if (row.status === "pending") {
          reconsent.run(source, at, row.id);
          id = row.id;
          outcome = "still-pending";
        } else {
          id = row.id;
          outcome = "already-confirmed";
        }
        const ago = (seconds: number): string => new Date(now.getTime() - seconds * 1000).toISOString();
        const claimed =
          claimMail.get(at, id, ago(mailEverySeconds), ago(mailClaimSeconds), ago(DAY_SECONDS), mailsPerDay) !==
          undefined;
        const stored = byId.get(id) as unknown as Row & { mail_day_start: string | null; mail_day_count: number };
        const subscriber = toSubscriber(stored);
        const recent = subscriber.mailedAt !== null && subscriber.mailedAt > ago(mailEverySeconds);
        const capped =
          stored.mail_day_start !== null &&
          stored.mail_day_start > ago(DAY_SECONDS) &&
          stored.mail_day_count >= mailsPerDay;
        const mail: MailDecision = claimed ? "send" : recent ? "recent" : capped ? "daily-cap" : "sending";
        return { outcome, subscriber, mail };
      });
    },
    mailSent(token, now) {
      stillThere();
      recordMail.run(now.toISOString(), token, new Date(now.getTime() - DAY_SECONDS * 1000).toISOString());
    },
    mailFailed(token) {
      stillThere();
      releaseMail.run(token);
    },
    confirm(token, now, consentSince = new Date(0)) {
      stillThere();
      if (confirm.run(token, now.toISOString(), consentSince.toISOString()).changes > 0) return true;
      return isConfirmed.get(token) !== undefined;
    },
    unsubscribe(token, now) {
      stillThere();
      if (unsubscribe.run(now.toISOString(), token).changes > 0) return true;
      return exists.get(token) !== undefined;
    },
    hits(limits, now): RateDecision & { refused?: string } {
      const t = Math.floor(now.getTime() / 1000);
      return transaction(() => {
        // Old windows are dropped now and then so the table stays small.
        if (++hits % 1000 === 0) prune.run(t - Math.max(...limits.map((l) => l.windowSeconds)));
        const next = limits.map(({ key, windowSeconds, max }) => {
          const row = rate.get(key) as RateRow | undefined;
          const fresh = row === undefined || row.window_start <= t - windowSeconds;
          const start = fresh ? t : row.window_start;
          return { key, start, count: fresh ? 1 : row.count + 1, max, windowSeconds };
        });
        // A refused request is not counted, by any of the limits: it sent nothing.
        const refused = next.find((n) => n.count > n.max);
        if (refused !== undefined)
          return {
            allowed: false,
            retryAfter: Math.max(1, refused.start + refused.windowSeconds - t),
            refused: refused.key,
          };
        for (const n of next) setRate.run(n.key, n.start, n.count);
        return { allowed: true, retryAfter: 0 };
      });
    },
    confirmed() {
      return (confirmed.all() as unknown as Row[]).map(toSubscriber);
    },
    purge({ pendingBefore, rateBefore }) {
      return transaction(() => {
        const at = pendingBefore.toISOString();
        const lapsed = Number(lapse.run(at).changes);
        const pending = lapsed + Number(forget.run(at).changes);
        return { pending, rates: Number(prune.run(rateBefore).changes) };
      });
    },
    find(email) {
      const row = byKey.get(emailKey(email)) as Row | undefined;
      return row === undefined ? undefined : toSubscriber(row);
    },
    erase(email) {
      // Overwritten, not only unlinked (secure_delete, set at opening; a database from before was rewritten once,
      // rewriteOnce), then the WAL copied into the file and emptied: no copy of the row is left in the file or in
      // the -wal file.
      const row = transaction(() => {
        const erased = eraseByKey.get(emailKey(email)) as Row | undefined;
        eraseRate.run(addressRateKey(email));
        return erased;
      });
      db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
      return row === undefined ? undefined : toSubscriber(row);
    },
    writable() {
      // A real write, rolled back: a read-only file still lets a transaction begin.
      try {
        stillThere();
        db.exec("BEGIN IMMEDIATE");
      } catch {
        return false;
      }
      try {
        db.exec("INSERT INTO rate_limits (key, window_start, count) VALUES ('sonde:healthz', 0, 0)");
        return true;
      } catch {
        return false;
      } finally {
        rollbackIfOpen(db);
      }
    },
    close() {
      if (db.isOpen) db.close();
    },
  };
}
