/**
 * The Reports page's own REST client: the same JSON-over-fetch client and the same "session
 * ended" handling as main.ts, built here so the reports endpoints stay out of the inbox's chunk.
 */
import { createHttpClient } from '../../api/http-client.js';
import { createReportsApi, type ReportsApi } from '../../api/reports-api.js';
import type { ConsoleApp } from '../../app/console-app.js';
import { shellText } from '../../i18n/shell.js';

export function reportsApiFor(app: ConsoleApp): ReportsApi {
  return createReportsApi(
    createHttpClient(
      (input, init) => fetch(input, init),
      () => app.stores.session.getState().signedOut(shellText().sessionEnded),
    ),
  );
}
