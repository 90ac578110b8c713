/**
 * The server's log lines start with the instant they were written (ISO 8601, UTC), so an operator can tell when a
 * signup failed or the database went away. One function for every line of the process: the server's own, the
 * newsletter's (src/lib/newsletter/, in the server and in Astro's bundle alike), Node's warnings through console.
 */
import { format } from "node:util";

/** `message` with the instant `at` in front: "2026-01-15T10:00:00.000Z message". */
export function stamped(message: string, at: Date): string {
  return `${at.toISOString()} ${message}`;
}

/** Makes console.log, info, warn and error write stamped lines, the instant read from `now`. */
export function stampConsole(now: () => Date = () => new Date()): void {
  for (const level of ["log", "info", "warn", "error"] as const) {
    const write = console[level].bind(console);
    console[level] = (...args: unknown[]): void => {
      write(stamped(format(...args), now()));
    };
  }
}
