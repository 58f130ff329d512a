/**
 * The reports endpoints (issue 15), typed from the contract in shared/src/reports.ts. A module
 * of its own, imported only by the lazy Reports page, so the inbox's first load does not carry it.
 */
import type { ReportConversationPage, ReportExportKind, ReportFigureKey, ReportQuery, ReportSummary } from '@counter/shared';
import type { HttpClient, Result } from './http-client.js';

const V1 = '/api/v1/reports';

export function reportParams(query: ReportQuery, extra: Record<string, string | undefined> = {}): string {
  const pairs = Object.entries({ ...query, ...extra }).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]]));
  return new URLSearchParams(pairs).toString();
}

export interface ReportsApi {
  summary(query: ReportQuery): Promise<Result<ReportSummary>>;
  conversations(query: ReportQuery, figure: ReportFigureKey, cursor?: string | null): Promise<Result<ReportConversationPage>>;
  /** A plain link: the browser downloads the file with the session cookie, no script involved. */
  exportHref(query: ReportQuery, kind: ReportExportKind): string;
}

export function createReportsApi(http: HttpClient): ReportsApi {
  return {
    summary: (query) => http.request('GET', `${V1}/summary?${reportParams(query)}`),
    conversations: (query, figure, cursor) =>
      http.request('GET', `${V1}/conversations?${reportParams(query, { figure, cursor: cursor ?? undefined })}`),
    exportHref: (query, kind) => `${V1}/export.csv?${reportParams(query, { kind })}`,
  };
}
