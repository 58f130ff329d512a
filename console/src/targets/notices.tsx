/**
 * Escalation notices (issue 14, item 4), a lazy chunk loaded on the first `target:escalated`
 * or `target:offered`: a toast in the corner (with "Take it" for an offer) and, while the
 * console is in the background, the desktop notification the agent chose in their profile.
 */
import type { ConversationId, TargetEscalation } from '@counter/shared';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { targetsText } from '../i18n/targets.js';
import type { Attention } from '../sync/attention.js';
import type { AgentTransport } from '../transport/agent-transport.js';
import { routeHref } from '../stores/route-store.js';
import type { SiteNamesStore } from '../stores/site-names-store.js';



type Shown = { key: number; kind: 'target:escalated' | 'target:offered'; escalation: TargetEscalation };

type NoticeDeps = { attention: Pick<Attention, 'notice'>; siteNames: SiteNamesStore };

const open = (id: string) => location.assign(routeHref({ name: 'conversation', id: id as ConversationId }));

let shown: Shown[] = [];
let seq = 0;
let host: HTMLElement | null = null;
const MAX = 4;

/** Shows the notices of this console's connection; returns the unsubscribe. */
export function listen(transport: AgentTransport, attention: NoticeDeps['attention'], siteNames: SiteNamesStore): () => void {
  const offs = (['target:escalated', 'target:offered'] as const).map((name) =>
    transport.on(name, ({ escalation }) => show(name, escalation, attention, siteNames)),
  );
  return () => offs.forEach((off) => off());
}

function show(kind: Shown['kind'], escalation: TargetEscalation, attention: NoticeDeps['attention'], siteNames: SiteNamesStore): void {
  const deps = { attention, siteNames };
  shown = [...shown.filter((s) => s.escalation.conversationId !== escalation.conversationId || s.kind !== kind), { key: ++seq, kind, escalation }].slice(-MAX);
  draw(deps);
  const t = targetsText();
  const kindText = t.kind[escalation.kind] ?? escalation.kind;
  deps.attention.notice({
    title: kind === 'target:offered' ? t.offered : t.escalated,
    body: kind === 'target:offered' ? t.offeredBody(kindText) : t.escalatedBody(siteName(deps, escalation.siteId), kindText, t.action[escalation.action] ?? ''),
    tag: `target:${escalation.conversationId}`,
    onClick: () => open(escalation.conversationId),
  });
}

function dismiss(key: number, deps: NoticeDeps) {
  shown = shown.filter((s) => s.key !== key);
  draw(deps);
}

function draw(deps: NoticeDeps) {
  if (!host) {
    host = document.createElement('div');
    host.className = 'target-notices';
    host.setAttribute('role', 'status');
    document.body.append(host);
  }
  render(
    <>
      {shown.map((s) => (
        <NoticeCard key={s.key} item={s} deps={deps} />
      ))}
    </>,
    host,
  );
}

function NoticeCard({ item, deps }: { item: Shown; deps: NoticeDeps }) {
  const t = targetsText();
  const [error, setError] = useState<string | null>(null);
  const { escalation: e } = item;
  const kindText = t.kind[e.kind] ?? e.kind;

  async function take() {
    const res = await fetch(`/api/v1/conversations/${encodeURIComponent(e.conversationId)}/accept-offer`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    }).catch(() => null);
    if (!res?.ok) return setError(t.takeFailed);
    dismiss(item.key, deps);
    open(e.conversationId);
  }

  return (
    <div class="target-notice" data-target-notice={item.kind} data-conversation={e.conversationId}>
      <strong>{item.kind === 'target:offered' ? t.offered : t.escalated}</strong>
      <p>{item.kind === 'target:offered' ? t.offeredBody(kindText) : t.escalatedBody(siteName(deps, e.siteId), kindText, t.action[e.action] ?? '')}</p>
      {error && <p role="alert">{error}</p>}
      {item.kind === 'target:offered' ? (
        <button type="button" class="btn btn-small btn-primary" onClick={() => void take()}>
          {t.take}
        </button>
      ) : (
        <button type="button" class="btn btn-small btn-primary" onClick={() => (dismiss(item.key, deps), open(e.conversationId))}>
          {t.open}
        </button>
      )}
      <button type="button" class="btn btn-small" onClick={() => dismiss(item.key, deps)}>
        {t.dismiss}
      </button>
    </div>
  );
}

const siteName = (deps: NoticeDeps, siteId: string) => deps.siteNames.getState().names[siteId] ?? siteId;
