/**
 * The dates of a build's files: a file rewritten by a build exactly as it was keeps the date it had, so
 * that its date says when its content last changed. Astro writes every page and copies public/ at each
 * build, even a page it keeps from its cache: without this, every date would be the last build's, and
 * the Node server's Last-Modified (a client that sends If-Modified-Since alone got the whole feed again
 * after each build), rsync and `aws s3 sync` (which compare sizes and dates) would see every file as new.
 * The fingerprint and date of each file are kept between builds (build-caches.ts: fileDates).
 */
import { hash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { filesUnder } from "./files.ts";

/** A file's fingerprint and the date its content first had it, in ms: [hash, mtimeMs]. */
type Dated = [string, number];

/** What was done: files that kept their earlier date, and files new or changed since the last build. */
export interface DatesReport {
  kept: number;
  changed: number;
}

function readDates(file: string): Map<string, Dated> {
  if (!existsSync(file)) return new Map();
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(file, "utf8")) as Record<string, Dated>));
  } catch {
    // A record cut short (a build stopped while writing it): every file is dated as it is.
    return new Map();
  }
}

/**
 * Gives each file of `dir` that is byte for byte what it was at the last build the date it had then,
 * and records every file's fingerprint and date in `record` for the next build.
 */
export function keepUnchangedDates(dir: string, record: string): DatesReport {
  const before = readDates(record);
  const now = new Map<string, Dated>();
  let kept = 0;
  for (const path of filesUnder(dir)) {
    const file = join(dir, path);
    const fingerprint = hash("sha1", readFileSync(file), "base64");
    const earlier = before.get(path);
    if (earlier?.[0] === fingerprint) {
      const date = new Date(earlier[1]);
      if (statSync(file).mtimeMs !== earlier[1]) utimesSync(file, date, date);
      now.set(path, earlier);
      kept++;
    } else now.set(path, [fingerprint, statSync(file).mtimeMs]);
  }
  mkdirSync(dirname(record), { recursive: true });
  writeFileSync(record, JSON.stringify(Object.fromEntries(now)));
  return { kept, changed: now.size - kept };
}
