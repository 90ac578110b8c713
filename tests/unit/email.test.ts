import { describe, expect, it } from "vitest";
import { checkEmail } from "../../src/lib/newsletter/email.ts";

describe("checkEmail accepts", () => {
  it.each([
    ["prenom@exemple.fr", "prenom@exemple.fr"],
    ["  Prenom.Nom@Exemple.FR  ", "Prenom.Nom@exemple.fr"],
    ["prenom+newsletter@exemple.fr", "prenom+newsletter@exemple.fr"],
    ["josé@exemple.fr", "josé@exemple.fr"],
    ["élodie@société.fr", "élodie@société.fr"],
    ["user@XN--SOCIT-ESAB.FR", "user@société.fr"],
    ["user@SOCIÉTÉ.fr", "user@société.fr"],
    ["用户@例子.广告", "用户@例子.广告"],
    ["o'neil@exemple.ie", "o'neil@exemple.ie"],
    ["a@b.co", "a@b.co"],
    ["x".repeat(64) + "@" + "d".repeat(63) + ".fr", "x".repeat(64) + "@" + "d".repeat(63) + ".fr"],
  ])("%j as %j", (input, expected) => {
    expect(checkEmail(input)).toEqual({ ok: true, email: expected });
  });
});

describe("checkEmail refuses", () => {
  it.each([
    ["", "vide"],
    ["   ", "vide"],
    [undefined, "vide"],
    [42, "vide"],
    ["sansarobase.fr", "arobase"],
    ["a@@b.fr", "arobase"],
    ["a@b@c.fr", "arobase"],
    ["a@localhost", "domaine"],
    ["a@b.", "domaine"],
    ["a@.fr", "domaine"],
    ["a@-b.fr", "domaine"],
    ["a@1.2.3.4", "domaine"],
    ["a@b..fr", "domaine"],
    ["@exemple.fr", "local"],
    [".a@exemple.fr", "local"],
    ["a..b@exemple.fr", "local"],
    ["x".repeat(65) + "@exemple.fr", "local"],
    ["a@" + "d".repeat(250) + ".fr", "trop-longue"],
    ["pre nom@exemple.fr", "caracteres"],
    ["a@b.fr\r\nBcc: x@y.fr", "caracteres"],
    ["a@b.fr\nBcc: x@y.fr", "caracteres"],
    ["a@b.fr%0d%0aBcc:x@y.fr", "caracteres"],
    ["a\u0000@b.fr", "caracteres"],
    ["a\u200b@b.fr", "caracteres"],
    ["a\u00a0b@exemple.fr", "caracteres"],
    ['"a"@exemple.fr', "caracteres"],
    ["<script>alert(1)</script>@x.fr", "caracteres"],
    ["a@b.fr,c@d.fr", "caracteres"],
    ["a@b.fr;c@d.fr", "caracteres"],
    ["Nom <a@b.fr>", "caracteres"],
    ["a@[127.0.0.1]", "caracteres"],
    ["' OR 1=1 --@x.fr", "caracteres"],
  ])("%j (%s)", (input, problem) => {
    const result = checkEmail(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toBe(problem);
      expect(result.message).toMatch(/^[A-ZÀ-Ü]/);
    }
  });
});

describe("messages", () => {
  it("are in French typography (« @ » with narrow no-break spaces, spaces before : ; ! ?)", async () => {
    const { frenchSpacing } = await import("../../src/lib/french-spacing.ts");
    const { HTTP_MESSAGES, PROBLEM_MESSAGES, SIGNUP_OK } = await import("../../src/lib/newsletter/messages.ts");
    for (const message of [...Object.values(PROBLEM_MESSAGES), ...Object.values(HTTP_MESSAGES), SIGNUP_OK]) {
      expect(frenchSpacing(message), message).toBe(message);
      expect(message).not.toMatch(/« | »/);
    }
  });
});
