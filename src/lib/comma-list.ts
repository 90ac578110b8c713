/**
 * A list written with commas (a setting, a header, a field typed without brackets): its items, trimmed, the empty
 * ones dropped (« a, b ,, » is « a » and « b »). Plain code: the server, the newsletter and the article checks read it.
 */
export function commaList(text: string | null | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}
