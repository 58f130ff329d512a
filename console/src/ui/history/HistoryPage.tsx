/**
 * History (issue 16): every conversation the agent may see, filtered and searched (Chinese
 * and English), newest first, a page at a time by the server's cursor; a result opens as a
 * read-only transcript beside the list. With a shopper in the route: all their conversations.
 */
import type { AgentSummary, ConversationId, HistoryItem } from '@counter/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryQuery } from '../../api/rest-api.js';
import { useApp } from '../../app/app-context.js';
import { historyText } from '../../i18n/history.js';
import { useStore } from '../../lib/use-store.js';
import '../../styles/history.css';
import { emptyForm, HistoryFilters, type FilterForm } from './HistoryFilters.js';
import { HistoryResult } from './HistoryResult.js';
import { mergePages, toQuery } from './history-query.js';
import { Transcript } from './Transcript.js';

type Phase = 'loading' | 'idle' | 'failed';

export function HistoryPage() {
  const app = useApp();
  const t = historyText();
  const route = useStore(app.stores.route, (s) => s.route);
  const visitorId = route.name === 'history' ? route.visitorId : undefined;
  const siteNames = useStore(app.stores.siteNames, (s) => s.names);
  const [form, setForm] = useState<FilterForm>(emptyForm);
  const [agents, setAgents] = useState<AgentSummary[]>([]);
  const [items, setItems] = useState<HistoryItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('loading');
  const [openId, setOpenId] = useState<ConversationId | null>(null);
  const applied = useRef<HistoryQuery>({});
  /** Only the newest request's answer is shown (a slow earlier search must not overwrite it). */
  const latest = useRef(0);

  async function load(query: HistoryQuery, more: string | null) {
    const request = ++latest.current;
    setPhase('loading');
    const result = await app.historyPage.search(more ? { ...query, cursor: more } : query);
    if (request !== latest.current) return;
    if (!result.ok) return setPhase('failed');
    setItems((shown) => (more ? mergePages(shown, result.data.items) : result.data.items));
    setCursor(result.data.cursor);
    setPhase('idle');
  }

  function apply(next = form) {
    applied.current = toQuery(next, visitorId);
    setOpenId(null);
    void load(applied.current, null);
  }

  useEffect(() => apply(), [visitorId]);
  useEffect(() => {
    void app.historyPage.agents().then((result) => result.ok && setAgents(result.data.agents));
  }, []);

  const open = items.find((i) => i.conversation.id === openId)?.conversation ?? null;
  return (
    <section class="page history-page">
      <h1>{visitorId ? t.shopperTitle : t.title}</h1>
      <HistoryFilters form={form} onChange={setForm} onSubmit={() => apply()} sites={Object.entries(siteNames)} agents={agents} />
      <div class={`history-body${open ? ' with-transcript' : ''}`}>
        <div class="history-results">
          <p class="muted small" aria-live="polite">
            {phase === 'loading' && !items.length ? t.loading : t.results(items.length)}
          </p>
          {phase === 'failed' && (
            <p role="alert">
              {t.failed}{' '}
              <button type="button" class="btn btn-small" onClick={() => void load(applied.current, items.length ? cursor : null)}>
                {t.retry}
              </button>
            </p>
          )}
          {phase === 'idle' && !items.length && <p class="muted">{t.empty}</p>}
          <ul class="history-list">
            {items.map((item) => (
              <HistoryResult key={item.conversation.id} item={item} selected={item.conversation.id === openId} onOpen={() => setOpenId(item.conversation.id)} />
            ))}
          </ul>
          {cursor && phase !== 'failed' && (
            <button type="button" class="btn history-more" disabled={phase === 'loading'} onClick={() => void load(applied.current, cursor)}>
              {phase === 'loading' ? t.loading : t.more}
            </button>
          )}
        </div>
        {open && <Transcript conversation={open} onClose={() => setOpenId(null)} />}
      </div>
    </section>
  );
}
