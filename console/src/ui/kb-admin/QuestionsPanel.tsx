/** What the knowledge base does not answer yet: the bot's unanswered questions, and questions mined from resolved conversations. */
import type { ArticleCandidate, UnansweredQuestion } from '@counter/shared';
import { useState } from 'preact/hooks';
import type { KbAdminApi } from '../../api/kb-admin-api.js';
import { kbAdminText } from '../../i18n/kb-admin.js';

export function QuestionsPanel(props: {
  api: KbAdminApi;
  unanswered: UnansweredQuestion[];
  candidates: ArticleCandidate[];
  onAnswer: (q: UnansweredQuestion) => void;
  onAnswerCandidate: (c: ArticleCandidate) => void;
  onChanged: () => void;
}) {
  const t = kbAdminText();
  const [mining, setMining] = useState(false);
  async function mine() {
    setMining(true);
    await props.api.mine();
    setMining(false);
    props.onChanged();
  }
  return (
    <div class="kb-questions">
      <section class="card" aria-label={t.unansweredTitle}>
        <h2>{t.unansweredTitle}</h2>
        {!props.unanswered.length && <p class="muted">{t.unansweredNone}</p>}
        <ul class="kb-list">
          {props.unanswered.map((q) => (
            <li key={q.text} class="kb-item">
              <span class="kb-item-text">
                {q.text} <span class="muted small">{t.asked(q.count)}</span>
              </span>
              <button type="button" class="btn btn-small" onClick={() => props.onAnswer(q)}>
                {t.makeArticle}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section class="card" aria-label={t.candidatesTitle}>
        <h2>{t.candidatesTitle}</h2>
        <p class="muted small">{t.candidatesHint}</p>
        <button type="button" class="btn btn-small" disabled={mining} onClick={() => void mine()}>
          {mining ? t.mining : t.mine}
        </button>
        {!props.candidates.length && <p class="muted">{t.candidatesNone}</p>}
        <ul class="kb-list">
          {props.candidates.map((c) => (
            <li key={c.id} class="kb-item">
              <div class="kb-item-text">
                <strong>{c.question}</strong> <span class="muted small">{t.asked(c.count)}</span>
                {c.alternatives.length > 0 && (
                  <p class="muted small">
                    {t.alsoAsked} {c.alternatives.join(' · ')}
                  </p>
                )}
                <p class="small">
                  {t.answeredWith} {c.answer}
                </p>
              </div>
              <div class="row">
                <button type="button" class="btn btn-small" onClick={() => props.onAnswerCandidate(c)}>
                  {t.makeArticle}
                </button>
                <button type="button" class="btn btn-small btn-quiet" onClick={() => void props.api.dismiss(c.id).then(props.onChanged)}>
                  {t.dismiss}
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
