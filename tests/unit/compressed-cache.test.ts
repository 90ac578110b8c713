/** The server's memory of compressed files (server/static.ts). */
import { describe, expect, it } from "vitest";
import { CompressedCache } from "../../server/static.ts";

const bytes = (n: number): Buffer => Buffer.alloc(n, 1);

describe("CompressedCache", () => {
  it("serves a file's copy for its version and encoding only", () => {
    const cache = new CompressedCache(100);
    cache.set("/a.html", "br", "v1", bytes(10));
    expect(cache.get("/a.html", "br", "v1")?.length).toBe(10);
    expect(cache.get("/a.html", "gzip", "v1")).toBeUndefined();
    expect(cache.get("/a.html", "br", "v2")).toBeUndefined();
  });

  it("replaces a file's copy when a rebuild changes it, instead of keeping both", () => {
    const cache = new CompressedCache(100);
    for (let build = 1; build <= 50; build++) cache.set("/rss.xml", "br", `v${build}`, bytes(30));
    expect(cache.bytes).toBe(30);
    expect(cache.get("/rss.xml", "br", "v50")?.length).toBe(30);
  });

  it("makes room by dropping the file served longest ago, and keeps files still asked for", () => {
    const cache = new CompressedCache(100);
    cache.set("/a.html", "br", "v", bytes(40));
    cache.set("/b.html", "br", "v", bytes(40));
    cache.get("/a.html", "br", "v");
    cache.set("/c.html", "br", "v", bytes(40));
    expect(cache.get("/b.html", "br", "v")).toBeUndefined();
    expect(cache.get("/a.html", "br", "v")).toBeDefined();
    expect(cache.get("/c.html", "br", "v")).toBeDefined();
    expect(cache.bytes).toBe(80);
  });

  it("does not keep a copy larger than the whole cache", () => {
    const cache = new CompressedCache(100);
    cache.set("/a.html", "br", "v", bytes(40));
    cache.set("/huge.json", "br", "v", bytes(101));
    expect(cache.get("/huge.json", "br", "v")).toBeUndefined();
    expect(cache.get("/a.html", "br", "v")).toBeDefined();
  });
});
