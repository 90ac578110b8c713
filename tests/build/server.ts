/** Starts the production server (server/main.ts over dist/) on a free port, as `npm start` would. */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { projectRoot } from "./astro.ts";

/** A running server. */
export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

/** Starts the server with `env` and waits until it answers. */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  return startListening(
    ["--disable-warning=ExperimentalWarning", join(projectRoot, "server/main.ts")],
    { ...process.env, HOST: "127.0.0.1", PORT: String(port), ...env },
    port,
  );
}

/**
 * Runs `node <args>` (or `command <args>`) in the project with `env` and waits (`seconds` at most)
 * until it answers on 127.0.0.1:`port`: the production server, `npm run serve`, or `astro dev`.
 */
export async function startListening(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  port: number,
  seconds = 20,
  command = process.execPath,
): Promise<RunningServer> {
  const child = spawn(command, args, { cwd: projectRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr.on("data", (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${String(port)}`;
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Le serveur s’est arrêté :\n${log}`);
    try {
      await fetch(`${url}/`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`Le serveur ne répond pas :\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const stop = (signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve(child.exitCode);
        return;
      }
      child.once("exit", (code) => {
        resolve(code);
      });
      child.kill(signal);
    });
  return { url, process: child, output: () => log, stop };
}
