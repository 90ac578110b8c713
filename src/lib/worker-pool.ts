/**
 * A small pool of worker threads answering one kind of request. Workers start on the first
 * request, hold the process open only while they have work (a build or a test ends when its last
 * answer arrives) and stop after a second without work, giving their memory back to the build.
 * Used to spread per-article work (Markdown, social images) over every core.
 */
import { availableParallelism } from "node:os";
import { parentPort, Worker } from "node:worker_threads";
import { messageOf } from "./errors.ts";

/** What a worker sends back for request `id`. */
export type WorkerAnswer<T> = { id: number; value: T } | { id: number; error: string };

interface Slot {
  worker: Worker;
  busy: number;
  idle: NodeJS.Timeout | undefined;
}

/** How long a worker without work waits for more before stopping. */
const IDLE_MS = 1000;

interface Pending<T> {
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

/**
 * Inside a worker: answers each request of the pool with `handle`'s value, or its error's message.
 * `handle` states the request type it takes (the pool's Request).
 */
export function answerRequests(handle: (request: never) => unknown): void {
  parentPort?.on("message", ({ id, request }: { id: number; request: never }) => {
    Promise.resolve()
      .then(() => handle(request))
      .then(
        (value) => parentPort?.postMessage({ id, value } satisfies WorkerAnswer<unknown>),
        (error: unknown) =>
          parentPort?.postMessage({
            id,
            error: messageOf(error),
          } satisfies WorkerAnswer<unknown>),
      );
  });
}

/** Workers can run this TypeScript file only where Node strips types itself (Node ≥ 22.18). */
export const CAN_RUN_TS_WORKERS = Boolean((process.features as { typescript?: unknown }).typescript);

/**
 * By default one worker per core but one: the main thread keeps a core (it reads files, renders
 * pages), and each worker is a whole V8 heap (measured at 10,000 articles: one Markdown worker
 * syncs as fast as two, with less memory).
 */
export class WorkerPool<Request, Answer> {
  readonly #file: URL;
  readonly #data: unknown;
  readonly #size: number;
  readonly #workers: Slot[] = [];
  readonly #pending = new Map<number, Pending<Answer>>();
  #next = 0;

  constructor(file: URL, data: unknown, size = availableParallelism() - 1) {
    this.#file = file;
    this.#data = data;
    this.#size = Math.max(1, size);
  }

  /** Sends `request` to the least busy worker. */
  run(request: Request): Promise<Answer> {
    const slot = this.#pick();
    const id = this.#next++;
    slot.busy++;
    clearTimeout(slot.idle);
    slot.worker.ref();
    return new Promise<Answer>((resolve, reject) => {
      this.#pending.set(id, {
        resolve: (value) => {
          this.#done(slot);
          resolve(value);
        },
        reject: (error) => {
          this.#done(slot);
          reject(error);
        },
      });
      slot.worker.postMessage({ id, request });
    });
  }

  #done(slot: Slot): void {
    slot.busy--;
    if (slot.busy > 0) return;
    slot.worker.unref();
    slot.idle = setTimeout(() => {
      // Out of the list first, so no request goes to a worker that is stopping.
      this.#forget(slot);
      void slot.worker.terminate();
    }, IDLE_MS).unref();
  }

  #forget(slot: Slot): void {
    const at = this.#workers.indexOf(slot);
    if (at !== -1) this.#workers.splice(at, 1);
  }

  #pick(): Slot {
    const idle = this.#workers.reduce<Slot | undefined>(
      (best, slot) => (best === undefined || slot.busy < best.busy ? slot : best),
      undefined,
    );
    if (idle !== undefined && (idle.busy === 0 || this.#workers.length >= this.#size)) return idle;
    // No execArgv: the worker inherits the process's own flags, which Node filters for threads
    // (passing them explicitly fails on per-process flags such as --max-old-space-size).
    const worker = new Worker(this.#file, { workerData: this.#data });
    worker.on("message", (answer: WorkerAnswer<Answer>) => {
      const pending = this.#pending.get(answer.id);
      this.#pending.delete(answer.id);
      if ("error" in answer) pending?.reject(new Error(answer.error));
      else pending?.resolve(answer.value);
    });
    const slot: Slot = { worker, busy: 0, idle: undefined };
    worker.on("error", (error) => {
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    });
    // Stopped when idle, or crashed: a later request starts a new worker.
    worker.on("exit", () => {
      this.#forget(slot);
    });
    worker.unref();
    this.#workers.push(slot);
    return slot;
  }
}
