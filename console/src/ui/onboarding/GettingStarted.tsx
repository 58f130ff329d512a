/**
 * The getting-started checklist at the top of the console, for owners and admins until they
 * hide it (kept in their prefs on the server). Each step ticks from what the server says:
 * the snippet copied (prefs), the widget seen on an allowed origin (the site's
 * widgetSeenAt, refetched when the console comes back into view), the status, a colleague.
 * The snippets themselves are a lazy chunk, loaded when opened.
 */
import type { ComponentChildren, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { onboardingText } from '../../i18n/onboarding.js';
import { isAdmin } from '../../lib/roles.js';
import { fullDate } from '../../lib/time-format.js';
import { useStore } from '../../lib/use-store.js';
import { routeHref } from '../../stores/route-store.js';
import { checklistState, type StepId } from './checklist-steps.js';

type Snippets = ComponentType<{ onCopied: () => void }>;

export function GettingStarted() {
  const app = useApp();
  const me = useStore(app.stores.session, (s) => s.agent);
  const show = isAdmin(me) && me?.prefs.checklistHidden !== true;
  const sites = useStore(app.stores.adminSites, (s) => s.sites);
  const agents = useStore(app.stores.adminAgents, (s) => s.agents);
  const [open, setOpen] = useState(false);
  const [Panel, setPanel] = useState<Snippets | null>(null);

  useEffect(() => {
    if (!show) return;
    const refresh = () => {
      if (document.visibilityState === 'visible') void app.stores.adminSites.getState().load();
    };
    void app.stores.adminSites.getState().load();
    if (!app.stores.adminAgents.getState().loaded) void app.stores.adminAgents.getState().load();
    // No push for a first sighting: the tick appears when the merchant comes back from their shop's tab.
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [show]);

  useEffect(() => {
    if (open && !Panel) void import('./InstallSnippets.js').then((m) => setPanel(() => m.InstallSnippets));
  }, [open]);

  if (!show || !me) return null;
  const t = onboardingText();
  const { done, seen } = checklistState(me, sites, agents);
  const count = Object.values(done).filter(Boolean).length;
  const total = Object.keys(done).length;
  const copied = () => void app.profile.update({ prefs: { snippetCopied: true } });

  const step = (id: StepId, title: string, hint: string, action?: ComponentChildren, always = false) => (
    <li class={`checklist-step${done[id] ? ' done' : ''}`} data-step={id} data-done={done[id]}>
      <span class="checklist-tick" aria-hidden="true">
        {done[id] ? '✓' : ''}
      </span>
      <span class="checklist-words">
        <span class="strong">{title}</span>
        <span class="visually-hidden"> ({done[id] ? t.done : t.toDo})</span>
        <span class="muted small">{hint}</span>
      </span>
      {(always || !done[id]) && action}
    </li>
  );

  return (
    <section class="card checklist" aria-label={t.title}>
      <header class="checklist-head">
        <h2>{t.title}</h2>
        <span class="muted small">{count === total ? t.allSet : t.progress(count, total)}</span>
        <button type="button" class="btn btn-small btn-quiet" onClick={() => void app.profile.update({ prefs: { checklistHidden: true } })}>
          {t.hide}
        </button>
      </header>
      <ol class="checklist-steps">
        {step(
          'copy',
          t.copyStep,
          t.copyHint,
          <button type="button" class="btn btn-small" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t.hideSnippet : t.showSnippet}
          </button>,
          true,
        )}
        {step('seen', t.seenStep, seen ? t.seenAt(seen.site.name, fullDate(seen.at)) : t.seenWaiting)}
        {step(
          'online',
          t.onlineStep,
          t.onlineHint,
          <button type="button" class="btn btn-small btn-primary" onClick={() => void app.setStatus('online')}>
            {t.goOnline}
          </button>,
        )}
        {step(
          'invite',
          t.inviteStep,
          t.inviteHint,
          <a class="btn btn-small" href={routeHref({ name: 'agents' })}>
            {t.invite}
          </a>,
        )}
      </ol>
      {open && (Panel ? <Panel onCopied={copied} /> : <p class="muted">{t.loadingSnippets}</p>)}
    </section>
  );
}
