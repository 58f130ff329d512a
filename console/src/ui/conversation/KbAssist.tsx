/**
 * Agent assist (issue 13): articles and canned replies matching the shopper's latest message,
 * shown above the composer. Insert (or Alt+I for the first article) puts the text into the
 * draft for the agent to edit; nothing is sent by itself.
 */
import type { ArticleHit, CannedReply } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { kbText } from '../../i18n/kb.js';
import { articleText } from '../../lib/article-text.js';
import { expandTemplate } from '../../lib/canned-template.js';
import { relatedCanned } from '../../lib/related-canned.js';
import { useStore } from '../../lib/use-store.js';
import type { Thread } from '../../stores/threads-store.js';

export function KbAssist({ thread }: { thread: Thread }) {
  const app = useApp();
  const t = kbText();
  const siteId = thread.conversation?.siteId;
  const latest = [...thread.messages].reverse().find((m) => m.author === 'visitor' && m.kind === 'text');
  const [hits, setHits] = useState<ArticleHit[]>([]);
  const [failed, setFailed] = useState(false);
  const me = useStore(app.stores.session, (s) => s.agent);
  const replies = useStore(app.stores.canned, (s) => s.replies);
  const canned = latest ? relatedCanned(replies, latest.text) : [];

  useEffect(() => {
    setHits([]);
    if (!siteId || !latest) return;
    let current = true;
    void app.kb.search(siteId, latest.text).then((r) => {
      if (current && r.ok) setHits(r.data.hits);
    });
    return () => {
      current = false;
    };
  }, [siteId, latest?.id]);

  function addToDraft(text: string) {
    const ui = app.stores.ui.getState();
    const draft = ui.drafts[thread.id]?.trim();
    ui.setDraft(thread.id, draft ? `${draft}\n\n${text}` : text);
    ui.focusComposer();
  }

  async function insert(hit: ArticleHit) {
    if (!siteId) return;
    const r = await app.kb.article(siteId, hit.id);
    setFailed(!r.ok);
    if (r.ok) addToDraft(articleText(r.data.article));
  }

  const insertCanned = (reply: CannedReply) =>
    addToDraft(
      expandTemplate(reply.text, {
        visitor: thread.visitor ? { name: thread.visitor.name, email: thread.visitor.email } : null,
        agent: { name: me?.name ?? '' },
        product: thread.visitor?.product ?? null,
      }),
    );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.code !== 'KeyI' || !hits[0]) return;
      e.preventDefault();
      void insert(hits[0]);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [hits, thread.id]);

  if ((hits.length === 0 && canned.length === 0) || thread.conversation?.status === 'resolved') return null;
  return (
    <aside class="kb-assist" aria-label={t.title}>
      <span class="kb-assist-title">
        {t.title} · <span class="kb-assist-hint">{t.hint}</span>
      </span>
      {failed && <span role="alert">{t.failed}</span>}
      <ul>
        {hits.map((hit) => (
          <li key={hit.id}>
            <span>{hit.title}</span>
            <button type="button" class="link" aria-label={t.label(hit.title)} onClick={() => void insert(hit)}>
              {t.insert}
            </button>
          </li>
        ))}
        {canned.map((reply) => (
          <li key={reply.id}>
            <span>/{reply.shortcut} {reply.title}</span>
            <button type="button" class="link" aria-label={t.cannedLabel(reply.title)} onClick={() => insertCanned(reply)}>
              {t.insert}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
