/**
 * The figures as cards: each names its definition in a tooltip (hover or focus) and, where
 * there are conversations behind it, its value is a button that lists them.
 */
import type { ReportFigureKey, ReportFigures } from '@counter/shared';
import { consoleLocale } from '../../i18n/locale.js';
import { reportsText } from '../../i18n/reports.js';
import { figureCards, type FigureCard } from './figure-cards.js';

export function FigureCards({ figures, drilled, onDrill }: { figures: ReportFigures; drilled: ReportFigureKey | null; onDrill: (key: ReportFigureKey) => void }) {
  const t = reportsText();
  return (
    <section class="report-section" aria-labelledby="report-figures">
      <h2 id="report-figures" class="visually-hidden">
        {t.figures}
      </h2>
      <ul class="report-cards">
        {figureCards(figures, consoleLocale()).map((c) => (
          <Card key={c.key} card={c} drilled={drilled} onDrill={onDrill} />
        ))}
      </ul>
    </section>
  );
}

function Card({ card, drilled, onDrill }: { card: FigureCard; drilled: ReportFigureKey | null; onDrill: (key: ReportFigureKey) => void }) {
  const t = reportsText();
  const tip = `report-def-${card.key}`;
  const [first, ...more] = card.drills;
  return (
    <li class="report-card" data-figure={card.key}>
      <span class="report-card-label">
        {card.label}
        <span class="report-tip-mark" tabIndex={0} aria-describedby={tip}>
          ⓘ
        </span>
      </span>
      <span class="report-tip" role="tooltip" id={tip}>
        {card.definition}
      </span>
      {first ? (
        <button
          type="button"
          class={`report-value${drilled === first ? ' drilled' : ''}`}
          data-value={card.raw ?? ''}
          aria-describedby={tip}
          aria-pressed={drilled === first}
          title={t.showConversations(card.label)}
          onClick={() => onDrill(first)}
        >
          {card.value}
        </button>
      ) : (
        <span class="report-value" data-value={card.raw ?? ''}>
          {card.value}
        </span>
      )}
      {card.detail && <span class="report-detail">{card.detail}</span>}
      {more.map((key) => (
        <button key={key} type="button" class={`report-link report-more-drill${drilled === key ? ' drilled' : ''}`} aria-pressed={drilled === key} onClick={() => onDrill(key)}>
          {t.drillKey[key]}
        </button>
      ))}
    </li>
  );
}
