/**
 * The list of article files `npm run dev` refused (src/lib/dev-refusals.ts): what every page shows at the foot of
 * the window, and when the open pages reload. The dev server itself is run in tests/build/preview.test.ts.
 */
import { afterEach, describe, expect, it } from "vitest";
import { onRefusalsChange, refusals, refuse, resync, type Shown } from "../../src/lib/dev-refusals.ts";

const block = (path: string, field: string): string => `Article invalide : ${path}\n  - champ « ${field} » : …`;

/** Resyncs every listed file with a sync that refuses nothing: an empty list for the next test. */
afterEach(async () => {
  for (const { path } of refusals()) await resync(path, () => Promise.resolve());
});

describe("dev refusals", () => {
  it("lists what a sync refused, by path, until a sync of that file refuses nothing", async () => {
    await resync("/c/b.md", () => {
      refuse({ path: "/c/b.md", message: block("b.md", "date"), shown: "earlier" });
      return Promise.resolve();
    });
    await resync("/c/a.md", () => {
      refuse({ path: "/c/a.md", message: block("a.md", "texte"), shown: "this" });
      return Promise.resolve();
    });
    expect(refusals().map(({ path, shown }) => [path, shown])).toEqual([
      ["/c/a.md", "this"],
      ["/c/b.md", "earlier"],
    ]);
    // b.md saved again, mended: only a.md is left.
    await resync("/c/b.md", () => Promise.resolve());
    expect(refusals().map(({ path }) => path)).toEqual(["/c/a.md"]);
  });

  it("keeps what a sync that throws refused (Astro's watcher logs the error and goes on)", async () => {
    await expect(
      resync("/c/x.md", () => {
        refuse({ path: "/c/x.md", message: block("x.md", "date"), shown: "earlier" });
        return Promise.reject(new Error("Article invalide"));
      }),
    ).rejects.toThrow("Article invalide");
    expect(refusals().map(({ message }) => message)).toEqual([block("x.md", "date")]);
  });

  it("tells its listeners when what the pages show changes, and only then", async () => {
    let heard = 0;
    const stop = onRefusalsChange(() => {
      heard += 1;
    });
    const refusing =
      (field: string, shown: Shown = "earlier") =>
      () => {
        refuse({ path: "/c/y.md", message: block("y.md", field), shown });
        return Promise.resolve();
      };
    try {
      await resync("/c/y.md", refusing("date"));
      expect(heard).toBe(1);
      // Saved again with the same problem: the pages show the same thing, no reload.
      await resync("/c/y.md", refusing("date"));
      expect(heard).toBe(1);
      await resync("/c/y.md", refusing("category"));
      expect(heard).toBe(2);
      // Same words, but the site now shows this version.
      await resync("/c/y.md", refusing("category", "this"));
      expect(heard).toBe(3);
      // Another file synced without a problem changes nothing.
      await resync("/c/z.md", () => Promise.resolve());
      expect(heard).toBe(3);
      await resync("/c/y.md", () => Promise.resolve());
      expect(heard).toBe(4);
    } finally {
      stop();
    }
    await resync("/c/y.md", refusing("date"));
    expect(heard).toBe(4);
  });
});
