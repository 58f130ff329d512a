/**
 * The figure cards as data: what each shows, its definition, and the drill-downs behind it.
 * Pure, so a test can check every card against the server's numbers without a DOM.
 */
import type { ReportFigureKey, ReportFigures } from '@counter/shared';
import type { ConsoleLocale } from '../../i18n/locale.js';
import { reportsText, type ReportsText } from '../../i18n/reports.js';
import { duration, number, percent, score } from './report-format.js';

export type CardKey = keyof ReportsText['figure'];

export interface FigureCard {
  key: CardKey;
  label: string;
  definition: string;
  /** The headline as shown, and the number it came from (ms, share or count; null: none). */
  value: string;
  raw: number | null;
  detail: string;
  /** The first is the headline's drill-down; the rest are offered beside it. */
  drills: ReportFigureKey[];
}

export function figureCards(f: ReportFigures, locale: ConsoleLocale): FigureCard[] {
  const t = reportsText(locale);
  const n = (v: number) => number(v, locale);
  const ms = (v: number | null) => duration(v, locale);
  const card = (key: CardKey, raw: number | null, value: string, detail: string, drills: ReportFigureKey[] = []): FigureCard => ({
    key,
    label: t.figure[key],
    definition: t.definition[key],
    raw,
    value,
    detail,
    drills,
  });
  const frt = f.firstResponse;
  return [
    card('conversations', f.conversations, n(f.conversations), `${t.botOnly(n(f.botOnly))} · ${t.inHours(n(f.inWorkingHours))}`, ['all']),
    card('frt', frt.p50, ms(frt.p50), `${t.p90} ${ms(frt.p90)} · ${t.avg} ${ms(frt.avg)}`, ['frt_over_3m']),
    card('within30s', frt.within30s, percent(frt.within30s, locale), t.of(n(Math.round((frt.within30s ?? 0) * frt.count)), n(frt.count)), ['frt_within_30s']),
    card('within3m', frt.within3m, percent(frt.within3m, locale), t.of(n(Math.round((frt.within3m ?? 0) * frt.count)), n(frt.count)), ['frt_over_3m']),
    card('replyTime', f.replyTime.avg, ms(f.replyTime.avg), `${t.median} ${ms(f.replyTime.p50)} · ${t.p90} ${ms(f.replyTime.p90)}`),
    card('resolutionTime', f.resolutionTime.p50, ms(f.resolutionTime.p50), `${t.p90} ${ms(f.resolutionTime.p90)} · ${t.avg} ${ms(f.resolutionTime.avg)}`),
    card('resolutionRate', f.resolutionRate, percent(f.resolutionRate, locale), '', ['unresolved', 'reopened']),
    card('queueWait', f.queueWait.p50, ms(f.queueWait.p50), `${t.p90} ${ms(f.queueWait.p90)} · ${t.avg} ${ms(f.queueWait.avg)}`),
    card('abandonment', f.abandonmentRate, percent(f.abandonmentRate, locale), t.abandoned(n(f.abandoned)), ['abandoned']),
    card('csat', f.csat.share, percent(f.csat.share, locale), t.rated(n(f.csat.rated)), ['rated_low', 'rated_high']),
    card('nps', f.nps.score, score(f.nps.score, locale), t.answered(n(f.nps.answered))),
    f.bot
      ? card(
          'bot',
          f.bot.conversations,
          n(f.bot.conversations),
          `${t.botLine(n(f.bot.confirmedResolved), n(f.bot.handedOff))} · ${t.handoffWait(ms(f.bot.handoffWait.p50))}`,
          ['bot_only'],
        )
      : card('bot', null, t.none, t.noBot),
  ];
}
