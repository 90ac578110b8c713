/**
 * A small pool of worker threads answering one kind of request. Workers start on the first
 * request and hold the process open only while they have work, so a build or a test ends when
 * its last answer arrives. Used to spread per-article work (Markdown) over every core.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/** What a worker sends back for request `id`. */
export type WorkerAnswer<T> = { id: number; value: T } | { id: number; error: string };

interface Pending<T> {
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

/** Workers can run this TypeScript file only where Node strips types itself (Node ≥ 22.18). */
export const CAN_RUN_TS_WORKERS = Boolean((process.features as { typescript?: unknown }).typescript);

export class WorkerPool<Request, Answer> {
  readonly #file: URL;
  readonly #data: unknown;
  readonly #size: number;
  readonly #workers: { worker: Worker; busy: number }[] = [];
  readonly #pending = new Map<number, Pending<Answer>>();
  #next = 0;

  constructor(file: URL, data: unknown, size = availableParallelism()) {
    this.#file = file;
    this.#data = data;
    this.#size = Math.max(1, size);
  }

  /** Sends `request` to the least busy worker. */
  run(request: Request): Promise<Answer> {
    const slot = this.#pick();
    const id = this.#next++;
    slot.busy++;
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

  #done(slot: { worker: Worker; busy: number }): void {
    slot.busy--;
    if (slot.busy === 0) slot.worker.unref();
  }

  #pick(): { worker: Worker; busy: number } {
    const idle = this.#workers.reduce<{ worker: Worker; busy: number } | undefined>(
      (best, slot) => (best === undefined || slot.busy < best.busy ? slot : best),
      undefined,
    );
    if (idle !== undefined && (idle.busy === 0 || this.#workers.length >= this.#size)) return idle;
    const worker = new Worker(this.#file, {
      workerData: this.#data,
      execArgv: [...process.execArgv, "--disable-warning=ExperimentalWarning"],
    });
    worker.on("message", (answer: WorkerAnswer<Answer>) => {
      const pending = this.#pending.get(answer.id);
      this.#pending.delete(answer.id);
      if ("error" in answer) pending?.reject(new Error(answer.error));
      else pending?.resolve(answer.value);
    });
    worker.on("error", (error) => {
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    });
    worker.unref();
    const slot = { worker, busy: 0 };
    this.#workers.push(slot);
    return slot;
  }
}
