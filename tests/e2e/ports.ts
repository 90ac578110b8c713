/** Ports of the two sites Playwright serves: the real content, and the 200-article corpus on the next port. */
export const port = Number(process.env["E2E_PORT"] ?? 4329);
export const baseUrl = `http://127.0.0.1:${port}`;
export const corpusUrl = `http://127.0.0.1:${port + 1}`;
