/** A worker thread drawing social images (social-image.ts): answers with the cached file of each. */
import { cachedSocialImageFile, type DrawRequest } from "./social-image.ts";
import { answerRequests } from "./worker-pool.ts";

answerRequests((request: DrawRequest) => cachedSocialImageFile(request.spec, request.cacheDir));
