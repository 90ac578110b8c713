import { describe, expect, it } from "vitest";
import { messageOf } from "../../src/lib/errors.ts";

describe("messageOf", () => {
  it("gives an Error's message, without its name", () => {
    expect(messageOf(new TypeError("base illisible"))).toBe("base illisible");
  });
  it("gives a thrown string as it is", () => {
    expect(messageOf("délai dépassé")).toBe("délai dépassé");
  });
  it("writes any other thrown value instead of failing on it", () => {
    expect(messageOf(42)).toBe("42");
    expect(messageOf(undefined)).toBe("undefined");
    expect(messageOf(null)).toBe("null");
    expect(messageOf({ code: "EACCES" })).toBe("[object Object]");
  });
});
