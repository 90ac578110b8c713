import { describe, expect, it } from "vitest";
import { EMAIL_MESSAGES } from "../../src/lib/newsletter/email.ts";
import {
  errorPageWords,
  isAddressProblem,
  PROBLEM_MESSAGES,
  problemStatus,
  type SignupProblem,
} from "../../src/lib/newsletter/messages.ts";

const PROBLEMS = Object.keys(PROBLEM_MESSAGES) as SignupProblem[];

describe("the error page's words (errorPageWords)", () => {
  it("blames no form when the page is opened without a reason it knows, and answers as an unreadable form", () => {
    for (const reason of [null, "", "inconnue", "toString", "__proto__"]) {
      const words = errorPageWords(reason);
      expect(words).toEqual({ problem: "requete", sent: false, title: "Inscription à la newsletter" });
      expect(problemStatus(words.problem).status).toBe(400);
    }
  });

  it("gives every refusal a heading and a sentence under it, in French typography", () => {
    for (const problem of PROBLEMS) {
      const words = errorPageWords(problem);
      expect(words.sent, problem).toBe(true);
      expect(words.problem).toBe(problem);
      expect(words.title.length, problem).toBeGreaterThan(0);
      expect(words.intro, problem).toMatch(/^Votre inscription .+\.$/);
      expect(words.intro, problem).not.toMatch(/ [:;!?»]|« |'/);
    }
  });

  it("asks to correct the address only when the address is at fault", () => {
    for (const problem of PROBLEMS) {
      const { title, intro } = errorPageWords(problem);
      const blamesAddress = /corrigez|vérifiez/i.test(intro ?? "");
      expect(blamesAddress, `${problem}: ${title}`).toBe(isAddressProblem(problem));
    }
    for (const problem of Object.keys(EMAIL_MESSAGES)) {
      expect(errorPageWords(problem).title).toBe("Inscription à corriger");
    }
    expect(errorPageWords("trop-de-demandes").title).toBe("Trop de demandes");
    expect(errorPageWords("trop-d-inscriptions").title).toBe("Trop de demandes");
    expect(errorPageWords("indisponible").title).toBe("Inscription indisponible");
    expect(errorPageWords("faute-de-frappe").title).toBe("Adresse à vérifier");
  });
});
