/**
 * The knowledge-base page's own HTTP client, made in its lazy chunk so the inbox's first load
 * carries nothing of it; a session that ended elsewhere ends the console's too, as in main.tsx.
 */
import type { ConsoleApp } from '../app/console-app.js';
import { shellText } from '../i18n/shell.js';
import { createHttpClient, type HttpClient } from './http-client.js';

export const kbAdminHttp = (app: ConsoleApp): HttpClient['request'] => {
  const http = createHttpClient(
    (input, init) => fetch(input, init),
    () => app.stores.session.getState().signedOut(shellText().sessionEnded),
  );
  return (method, path, body) => http.request(method, path, body);
};
