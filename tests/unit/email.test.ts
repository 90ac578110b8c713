import { describe, expect, it } from "vitest";
import { addressRateKey, checkEmail, likelyTypo } from "../../src/lib/newsletter/email.ts";

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
    // What a copy brings along, or a phone's keyboard adds after a word, is dropped.
    ["a\u200b@b.fr", "a@b.fr"],
    ["\ufeffprenom@exemple.fr\u200b", "prenom@exemple.fr"],
    ["\u2068prenom@exemple.fr\u2069\u200e", "prenom@exemple.fr"],
    ["jean @gmail.com", "jean@gmail.com"],
    ["jean.dupont @ exemple. fr", "jean.dupont@exemple.fr"],
    ["jean. dupont@exemple.fr", "jean.dupont@exemple.fr"],
    ["jean@gmail.com.", "jean@gmail.com"],
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
    ["sansarobase.fr", "arobase-manquante"],
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
    ["x".repeat(65) + "@exemple.fr", "local-trop-long"],
    ["a@" + "d".repeat(250) + ".fr", "trop-longue"],
    // DNS's limits, on the domain as mail servers write it (punycode): 63 « é » make a label of 69 characters there.
    ["a@" + "é".repeat(63) + ".fr", "domaine"],
    ["a@" + Array.from({ length: 6 }, () => "é".repeat(40)).join(".") + ".fr", "domaine"],
    ["x".repeat(64) + "@" + Array.from({ length: 6 }, () => "é".repeat(30)).join(".") + ".fr", "trop-longue"],
    ["pre nom@exemple.fr", "espace"],
    ["a@b.fr\r\nBcc: x@y.fr", "caracteres"],
    ["a@b.fr\nBcc: x@y.fr", "caracteres"],
    ["a@b.fr%0d%0aBcc:x@y.fr", "caracteres"],
    ["a\u0000@b.fr", "caracteres"],
    ["a\u202e@b.fr", "caracteres"],
    ["a\u00a0b@exemple.fr", "espace"],
    ['"a"@exemple.fr', "caracteres"],
    ["<script>alert(1)</script>@x.fr", "caracteres"],
    ["a@b.fr,c@d.fr", "caracteres"],
    ["a@b.fr;c@d.fr", "caracteres"],
    ["Nom <a@b.fr>", "caracteres"],
    ["a@[127.0.0.1]", "caracteres"],
    ["' OR 1=1 --@x.fr", "espace"],
  ])("%j (%s)", (input, problem) => {
    const result = checkEmail(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toBe(problem);
      expect(result.message).toMatch(/^[A-ZÀ-Ü]/);
    }
  });
});

describe("addressRateKey", () => {
  it("gives one key to the addresses of one mailbox: capitals, a « +tag », Gmail's dots", () => {
    const key = addressRateKey("jean@exemple.fr");
    for (const email of ["Jean@Exemple.fr", "jean+1@exemple.fr", "jean+news+2@exemple.fr"])
      expect(addressRateKey(email), email).toBe(key);
    const gmail = addressRateKey("jeandupont@gmail.com");
    for (const email of ["jean.dupont@gmail.com", "Jean.Dupont+x@gmail.com", "j.e.a.n.dupont@googlemail.com"])
      expect(addressRateKey(email), email).toBe(gmail);
  });

  it("keeps apart what may be other mailboxes", () => {
    expect(addressRateKey("jean.dupont@exemple.fr")).not.toBe(addressRateKey("jeandupont@exemple.fr"));
    expect(addressRateKey("jean@exemple.fr")).not.toBe(addressRateKey("jean@exemple.com"));
    expect(addressRateKey("+jean@exemple.fr")).not.toBe(addressRateKey("+paul@exemple.fr"));
  });
});

describe("messages", () => {
  it("are in French typography (« @ » with narrow no-break spaces, spaces before : ; ! ?)", async () => {
    const { frenchSpacing } = await import("../../src/lib/french-spacing.ts");
    const { HTTP_MESSAGES, LINK_METHOD_NOT_ALLOWED, PROBLEM_MESSAGES, SIGNUP_OK, problemMessage } =
      await import("../../src/lib/newsletter/messages.ts");
    const { ONE_CLICK_UNAVAILABLE, ONE_CLICK_UNKNOWN } = await import("../../src/lib/newsletter/handler.ts");
    const waits = [30, 600, 3000, 3600, 7200].map((s) => problemMessage("trop-de-demandes", s));
    for (const message of [
      ...Object.values(PROBLEM_MESSAGES),
      ...Object.values(HTTP_MESSAGES),
      SIGNUP_OK,
      LINK_METHOD_NOT_ALLOWED,
      ONE_CLICK_UNAVAILABLE,
      ONE_CLICK_UNKNOWN,
      ...waits,
    ]) {
      expect(frenchSpacing(message), message).toBe(message);
      expect(message).not.toMatch(/« | »/);
    }
  });

  it("name what is missing: no « @ » at all, or a domain that is not whole (its example is what to write)", () => {
    expect(checkEmail("abc")).toMatchObject({
      message: "Il manque le «\u202f@\u202f»\u00a0: par exemple prenom@exemple.fr.",
    });
    expect(checkEmail("a@@b.fr")).toMatchObject({
      message: "Une adresse e-mail contient un seul «\u202f@\u202f», par exemple prenom@exemple.fr.",
    });
    expect(checkEmail("jean@exemple")).toMatchObject({
      message: "Après le «\u202f@\u202f», il faut un domaine complet, par exemple «\u202fexemple.fr\u202f».",
    });
  });

  it("say « confirmer », never « valider », and thank nobody before the confirmation", async () => {
    const { SIGNUP_OK, SIGNUP_PENDING_TITLE } = await import("../../src/lib/newsletter/messages.ts");
    expect(SIGNUP_OK).toMatch(/pour confirmer votre inscription/);
    expect(`${SIGNUP_PENDING_TITLE} ${SIGNUP_OK}`).not.toMatch(/valid|Merci/i);
  });

  it("say « cette page » or « ce lien » for the routes, « adresse » being the reader's e-mail address", async () => {
    const { HTTP_MESSAGES, LINK_METHOD_NOT_ALLOWED } = await import("../../src/lib/newsletter/messages.ts");
    expect(HTTP_MESSAGES[405]).toMatch(/^Cette page /);
    expect(LINK_METHOD_NOT_ALLOWED).toMatch(/^Ce lien /);
  });
});

describe("retryIn", () => {
  it.each([
    [undefined, "Réessayez dans une heure au plus."],
    [1, "Réessayez dans une minute."],
    [60, "Réessayez dans une minute."],
    [61, "Réessayez dans 2\u00a0minutes."],
    [600, "Réessayez dans 10\u00a0minutes."],
    [3000, "Réessayez dans 50\u00a0minutes."],
    [3240, "Réessayez dans 54\u00a0minutes."],
    [3300, "Réessayez dans une heure environ."],
    [3600, "Réessayez dans une heure environ."],
    [5000, "Réessayez dans une heure environ."],
    [7200, "Réessayez dans 2\u00a0heures environ."],
  ])("%j seconds: %s", async (seconds, expected) => {
    const { retryIn } = await import("../../src/lib/newsletter/messages.ts");
    expect(retryIn(seconds)).toBe(expected);
  });
});

describe("backLinkLabel", () => {
  it.each([
    ["/", undefined],
    ["/articles/x/", "Revenir à l’article"],
    ["/newsletter/", "Revenir à la page Newsletter"],
    ["/categorie/tech/", "Revenir à la page précédente"],
  ])("%s: %s", async (source, expected) => {
    const { backLinkLabel } = await import("../../src/lib/newsletter/messages.ts");
    expect(backLinkLabel(source)).toBe(expected);
  });
});

describe("likelyTypo", () => {
  it.each([
    ["jean.dupont@gmial.com", "jean.dupont@gmail.com"],
    ["jean@gmail.con", "jean@gmail.com"],
    ["jean@gmail.fr", "jean@gmail.com"],
    ["jean@hotmial.fr", "jean@hotmail.fr"],
    ["jean@hotmail.co", "jean@hotmail.com"],
    ["jean@orange.fe", "jean@orange.fr"],
    ["jean@wanado.fr", "jean@wanadoo.fr"],
    ["jean@lapost.net", "jean@laposte.net"],
    ["jean@yaho.fr", "jean@yahoo.fr"],
    ["Jean@OUTLOCK.FR", "Jean@outlook.fr"],
    ["jean@icloud.fr", "jean@icloud.com"],
    ["jean@gmal.com", "jean@gmail.com"],
    ["jean@fre.fr", "jean@free.fr"],
    ["jean@free.fe", "jean@free.fr"],
    ["jean@ornage.fr", "jean@orange.fr"],
    ["jean@gmial.fr", "jean@gmail.com"],
    ["jean@gamil.fr", "jean@gmail.com"],
    ["jean@gmai.fr", "jean@gmail.com"],
    ["jean@icoud.fr", "jean@icloud.com"],
    // Two keystrokes in the name of a long domain.
    ["jean@hotmal.com", "jean@hotmail.com"],
    ["jean@protonmial.com", "jean@protonmail.com"],
  ])("« %s » was most likely « %s »", (typed, meant) => {
    const check = checkEmail(typed);
    expect(check.ok && likelyTypo(check.email)).toBe(meant);
  });

  it.each([
    "jean@gmail.com",
    "jean@hotmail.fr",
    "jean@free.fr",
    // Real domains: another country's, a company's, one far from any common one, a real neighbour of a common one.
    "jean@hotmail.be",
    "jean@hotmail.fi",
    "jean@yahoo.gr",
    "jean@ymail.com",
    "jean@mail.com",
    "jean@email.com",
    "jean@cloud.com",
    "jean@fred.fr",
    "jean@tree.fr",
    "jean@grange.fr",
    "jean@gmail.monentreprise.fr",
    "jean@live.fr",
    "jean@gmx.fr",
    "jean@outlook.de",
    "jean@orange.com",
    "jean@laposte.fr",
    "jean@exemple.fr",
    "jean@société.fr",
    "jean@sfr.fr",
  ])("leaves « %s » alone", (typed) => {
    const check = checkEmail(typed);
    expect(check.ok && likelyTypo(check.email)).toBeUndefined();
  });
});
