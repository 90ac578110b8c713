/** A worker thread drawing social images (social-image.ts): answers with the cached file of each. */
import { parentPort } from "node:worker_threads";
import { cachedSocialImageFile, type DrawRequest } from "./social-image.ts";

parentPort?.on("message", ({ id, request }: { id: number; request: DrawRequest }) => {
  cachedSocialImageFile(request.spec, request.cacheDir).then(
    (value) => parentPort?.postMessage({ id, value }),
    (error: unknown) => parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
