/** Where the server listens (HOST, PORT), and what to tell the operator, in one French line, when it cannot. */

/** The port of `value` ($PORT, 4321 when unset), or undefined when it is no port number (0 to 65535). */
export function listenPort(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return 4321;
  if (!/^\d+$/.test(value)) return undefined;
  const port = Number(value);
  return port <= 65535 ? port : undefined;
}

/** The French line for a PORT that is no port number. */
export function badPortMessage(value: string): string {
  return `PORT (${value}) n’est pas un numéro de port\u00a0: donnez un entier de 0 à 65535 (par défaut 4321).`;
}

/** The French line for the server's failure to listen on `host`:`port` (the 'error' event of listen). */
export function listenErrorMessage(error: NodeJS.ErrnoException, host: string, port: number): string {
  const where = `${host.includes(":") ? `[${host}]` : host}:${String(port)}`;
  switch (error.code) {
    case "EADDRINUSE":
      return `Impossible d’écouter sur ${where}\u00a0: ce port est déjà pris (un autre serveur y écoute). Arrêtez-le, ou donnez un autre PORT.`;
    case "EACCES":
      return `Impossible d’écouter sur ${where}\u00a0: ce port demande des droits que le serveur n’a pas (ports sous 1024). Donnez un autre PORT.`;
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Impossible d’écouter sur ${where}\u00a0: ${host} n’est pas une adresse de cette machine. Donnez un autre HOST.`;
    default:
      return `Impossible d’écouter sur ${where}\u00a0: ${error.message}.`;
  }
}
