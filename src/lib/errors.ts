/** What went wrong, for a message: a caught value may be any value, not only an Error. */

/** The message of a caught value: an Error's own message, a thrown string as it is, anything else as String() writes it. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : String(error);
}
