/** Where the server listens, and its French line when it cannot (server/listen.ts). */
import { describe, expect, it } from "vitest";
import { badPortMessage, listenErrorMessage, listenPort } from "../../server/listen.ts";

const failure = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`listen ${code}`), { code });

describe("listenPort", () => {
  it.each([
    [undefined, 4321],
    ["", 4321],
    ["8080", 8080],
    ["0", 0],
    ["65535", 65535],
    ["abc", undefined],
    ["65536", undefined],
    ["-1", undefined],
    ["80.5", undefined],
  ])("reads %j as %j", (value, port) => {
    expect(listenPort(value)).toBe(port);
  });

  it("says in French what a port is", () => {
    expect(badPortMessage("abc")).toBe(
      "PORT (abc) n’est pas un numéro de port\u00a0: donnez un entier de 0 à 65535 (par défaut 4321).",
    );
  });
});

describe("listenErrorMessage", () => {
  it.each([
    ["EADDRINUSE", "127.0.0.1", "Impossible d’écouter sur 127.0.0.1:4360\u00a0: ce port est déjà pris"],
    ["EACCES", "127.0.0.1", "demande des droits"],
    ["EADDRNOTAVAIL", "192.0.2.7", "192.0.2.7 n’est pas une adresse de cette machine"],
    ["ENOTFOUND", "nulle-part.invalid", "nulle-part.invalid n’est pas une adresse de cette machine"],
    ["EOTHER", "::1", "Impossible d’écouter sur [::1]:4360\u00a0: listen EOTHER."],
  ])("names %s in one French line", (code, host, expected) => {
    const message = listenErrorMessage(failure(code), host, 4360);
    expect(message).toContain(expected);
    expect(message).not.toContain("\n");
  });
});
