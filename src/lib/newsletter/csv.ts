/** CSV for the subscriber export (RFC 4180), safe to open in a spreadsheet. */

/**
 * One CSV cell: quoted when needed and, unless `exact`, never read as a formula by a spreadsheet (a leading
 * = + - @ gets a '). An `exact` cell is written as it is: an e-mail address such as -jean@exemple.fr must reach
 * a mailing tool unchanged.
 */
export function csvCell(value: string, exact = false): string {
  const safe = !exact && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text with CRLF line ends; the columns named in `exact` are written without the formula guard. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  exact: readonly string[] = [],
): string {
  const keep = header.map((name) => exact.includes(name));
  return (
    [header, ...rows].map((row) => row.map((cell, i) => csvCell(cell, keep[i] === true)).join(",")).join("\r\n") +
    "\r\n"
  );
}
