/**
 * npm run test:load — the production server under load, killed, and attacked, on loopback only.
 * 1. LOAD_SIGNUPS signups (default 2,000) from 50 concurrent clients: every 2xx stored once, no 5xx.
 * 2. The same storm with the server killed by SIGKILL halfway and restarted: every 2xx answered
 *    before the kill is in the database, which passes PRAGMA integrity_check.
 * 3. Malformed and hostile requests: no 5xx, no crash, normal answers after each kind.
 * 4. Throughput of an article page and of the newsletter route (autocannon), p50/p99 printed.
 * Figures are printed, never asserted as times.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import autocannon from "autocannon";
import { startServer, type RunningServer } from "../build/server.ts";

const SIGNUPS = Number(process.env["LOAD_SIGNUPS"] ?? 2000);
const CONCURRENCY = 50;
const DURATION = Number(process.env["LOAD_SECONDS"] ?? 10);
const article = "/articles/tencent-et-ant-group-dans-la-ligne-de-mire-des-etats-unis/";
const failures: string[] = [];
const check = (ok: boolean, what: string): void => {
  if (!ok) failures.push(what);
};

async function signup(url: string, email: string): Promise<number> {
  const response = await fetch(`${url}/api/newsletter`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ email, source: "/charge/" }),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Sends `emails` with CONCURRENCY workers; `onAnswer` may stop the storm early by returning false. */
async function storm(
  url: () => string,
  emails: string[],
  onAnswer: (email: string, status: number) => boolean = () => true,
): Promise<Map<string, number>> {
  const answers = new Map<string, number>();
  let next = 0;
  let go = true;
  const worker = async (): Promise<void> => {
    while (go && next < emails.length) {
      const email = emails[next++] ?? "";
      let status: number;
      try {
        status = await signup(url(), email);
      } catch {
        status = 0; // connection refused or reset: not an answer
      }
      answers.set(email, status);
      if (!onAnswer(email, status)) go = false;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return answers;
}

function stored(dataDir: string): { emails: Set<string>; integrity: string } {
  const db = new DatabaseSync(join(dataDir, "subscribers.db"));
  const emails = new Set(
    (db.prepare("SELECT email FROM subscribers").all() as { email: string }[]).map((r) => r.email),
  );
  const integrity = (db.prepare("PRAGMA integrity_check").get() as { integrity_check: string }).integrity_check;
  db.close();
  return { emails, integrity };
}

const emails = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}-${i}@exemple.fr`);
const report: string[] = [];

// 1. The storm.
{
  const dataDir = mkdtempSync(join(tmpdir(), "load-storm-"));
  const server = await startServer({ DATA_DIR: dataDir });
  const started = performance.now();
  const answers = await storm(() => server.url, emails("orage", SIGNUPS));
  const seconds = (performance.now() - started) / 1000;
  await server.stop();
  const ok = [...answers].filter(([, s]) => s >= 200 && s < 300).map(([e]) => e);
  const fivexx = [...answers.values()].filter((s) => s >= 500).length;
  const { emails: rows, integrity } = stored(dataDir);
  check(fivexx === 0, `orage : ${fivexx} réponses 5xx`);
  check(
    ok.every((e) => rows.has(e)),
    "orage : une inscription acceptée manque",
  );
  check(rows.size === ok.length, `orage : ${rows.size} lignes pour ${ok.length} réponses 2xx`);
  check(integrity === "ok", `orage : integrity_check ${integrity}`);
  report.push(
    `1. ${SIGNUPS} inscriptions, ${CONCURRENCY} clients : ${ok.length} en 2xx, ${fivexx} en 5xx, ${rows.size} lignes, ${(SIGNUPS / seconds).toFixed(0)} inscriptions/s`,
  );
  rmSync(dataDir, { recursive: true, force: true });
}

// 2. The storm, killed halfway.
{
  const dataDir = mkdtempSync(join(tmpdir(), "load-kill-"));
  let server: RunningServer = await startServer({ DATA_DIR: dataDir });
  const list = emails("coupure", SIGNUPS);
  let answered = 0;
  let killed = false;
  const before = await storm(
    () => server.url,
    list,
    () => {
      if (++answered === Math.floor(SIGNUPS / 2) && !killed) {
        killed = true;
        server.process.kill("SIGKILL");
      }
      return true;
    },
  );
  await server.stop();
  server = await startServer({ DATA_DIR: dataDir });
  const lost = [...before].filter(([, s]) => s === 0).map(([e]) => e);
  const after = await storm(() => server.url, lost);
  await server.stop();
  const accepted = [...before, ...after].filter(([, s]) => s >= 200 && s < 300).map(([e]) => e);
  const { emails: rows, integrity } = stored(dataDir);
  const missing = accepted.filter((e) => !rows.has(e));
  check(missing.length === 0, `coupure : ${missing.length} inscriptions acceptées perdues`);
  check(integrity === "ok", `coupure : integrity_check ${integrity}`);
  check(
    [...before.values(), ...after.values()].every((s) => s < 500),
    "coupure : réponse 5xx",
  );
  report.push(
    `2. SIGKILL à mi-parcours : ${[...before.values()].filter((s) => s >= 200 && s < 300).length} acceptées avant, ${lost.length} sans réponse renvoyées après redémarrage, ${missing.length} perdue, integrity_check ${integrity}`,
  );
  rmSync(dataDir, { recursive: true, force: true });
}

// 3. Hostile input.
{
  const dataDir = mkdtempSync(join(tmpdir(), "load-hostile-"));
  const server = await startServer({ DATA_DIR: dataDir });
  const { hostname, port } = new URL(server.url);
  const raw = (payload: string | Buffer, waitMs = 15_000): Promise<number> =>
    new Promise((resolve) => {
      const socket = connect(Number(port), hostname);
      let data = "";
      const done = (): void => {
        socket.destroy();
        resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0));
      };
      socket.on("data", (d) => {
        data += d.toString("latin1");
        if (data.includes("\r\n\r\n")) done();
      });
      socket.on("error", done);
      socket.on("close", done);
      socket.setTimeout(waitMs, done);
      socket.write(payload);
    });
  const post = (body: string | Uint8Array<ArrayBuffer>, type: string, extra: Record<string, string> = {}) =>
    fetch(`${server.url}/api/newsletter`, {
      method: "POST",
      headers: { "Content-Type": type, Accept: "application/json", ...extra },
      body,
    }).then(async (r) => (await r.arrayBuffer(), r.status));
  const kinds: Record<string, () => Promise<number>> = {
    "JSON cassé": () =>
      post(
        ["{", '{"email":', "[]", "null", '"x"', '{"email":{"$gt":""}}'][Math.floor(Math.random() * 6)] ?? "{",
        "application/json",
      ),
    "corps énormes": () => post("x".repeat(200_000), "application/json"),
    "mauvais types": () =>
      post(
        "<a/>",
        ["text/plain", "application/xml", "multipart/form-data; boundary=x", ""][Math.floor(Math.random() * 4)] ?? "",
      ),
    "encodages bizarres": () => post(new Uint8Array([0x7b, 0x22, 0x65, 0xff, 0xfe, 0x22, 0x7d]), "application/json"),
    "pourcent invalide": () => post("email=%E0%A4%A&x=%ZZ", "application/x-www-form-urlencoded"),
    "traversée de chemin": () =>
      raw(
        `GET ${["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%5c..%5cwindows", "/%00", "/%"][Math.floor(Math.random() * 5)] ?? "/"} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      ),
    "injection d’en-têtes": () =>
      post(JSON.stringify({ email: "a@b.fr\r\nBcc: victime@exemple.fr" }), "application/json"),
    "en-têtes mal formés": () =>
      raw("POST /api/newsletter HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nX: y\rZ\r\n\r\n"),
    "méthodes inattendues": () =>
      fetch(`${server.url}/api/newsletter`, {
        method: ["DELETE", "PATCH", "OPTIONS"][Math.floor(Math.random() * 3)] ?? "PUT",
      }).then(async (r) => (await r.arrayBuffer(), r.status)),
    "URL très longue": () =>
      fetch(`${server.url}/${"a".repeat(8000)}`).then(async (r) => (await r.arrayBuffer(), r.status)),
  };
  const perKind = Math.ceil(500 / Object.keys(kinds).length);
  const lines: string[] = [];
  for (const [kind, send] of Object.entries(kinds)) {
    const statuses = await Promise.all(Array.from({ length: perKind }, () => send().catch(() => 0)));
    const bad = statuses.filter((s) => s >= 500);
    check(bad.length === 0, `hostile « ${kind} » : ${bad.length} réponses 5xx`);
    const healthy =
      (await fetch(`${server.url}${article}`)).status === 200 &&
      (await signup(server.url, `apres-${lines.length}@exemple.fr`)) === 200;
    check(healthy, `hostile « ${kind} » : le serveur ne répond plus normalement`);
    lines.push(`${kind} ${[...new Set(statuses)].sort().join("/")}`);
  }
  // A body that never ends: the server gives up on it (408) and stays up.
  const slow = await raw(
    'POST /api/newsletter HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":',
    40_000,
  );
  check(slow === 408, `corps sans fin : ${slow} au lieu de 408`);
  check(server.process.exitCode === null, "le serveur s’est arrêté");
  check((await fetch(`${server.url}/healthz`)).status === 200, "le serveur ne répond plus après le corps sans fin");
  await server.stop();
  report.push(
    `3. ${perKind * Object.keys(kinds).length + 1} requêtes hostiles, zéro 5xx attendu : ${lines.join(" · ")} · corps sans fin ${slow}`,
  );
  rmSync(dataDir, { recursive: true, force: true });
}

// 4. Throughput.
{
  const dataDir = mkdtempSync(join(tmpdir(), "load-bench-"));
  const server = await startServer({ DATA_DIR: dataDir });
  const page = await autocannon({
    url: `${server.url}${article}`,
    connections: CONCURRENCY,
    duration: DURATION,
    headers: { "Accept-Encoding": "br" },
  });
  let n = 0;
  const route = await autocannon({
    url: `${server.url}/api/newsletter`,
    connections: CONCURRENCY,
    duration: DURATION,
    requests: [
      {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ email: `debit-${n++}@exemple.fr` }) }),
      },
    ],
  });
  await server.stop();
  for (const [name, r] of [
    ["page article (brotli)", page],
    ["POST /api/newsletter", route],
  ] as const) {
    check(r["5xx"] === 0, `${name} : ${r["5xx"]} réponses 5xx`);
    report.push(
      `4. ${name} : ${r.requests.average.toFixed(0)} req/s, latence p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r["2xx"]} en 2xx, ${r.non2xx} autres, ${r.errors} erreurs`,
    );
  }
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(`\nCharge (${SIGNUPS} inscriptions, ${CONCURRENCY} clients, ${DURATION} s de débit)`);
for (const line of report) console.log(`  ${line}`);
if (failures.length > 0) {
  console.error(`\nÉchecs :\n  ${failures.join("\n  ")}`);
  process.exitCode = 1;
} else {
  console.log("\nload: 4 passed, 0 failed");
}
