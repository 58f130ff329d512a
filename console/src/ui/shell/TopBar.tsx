import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { selectOpenCount, selectUnreadTotal } from '../../stores/inbox-store.js';
import type { Route } from '../../stores/route-store.js';
import { routeHref } from '../../stores/route-store.js';
import { shellText } from '../../i18n/shell.js';
import { isAdmin, supervises } from '../../lib/roles.js';
import { afterSalesText } from '../../i18n/after-sales.js';
import { useStore } from '../../lib/use-store.js';
import { ConnectionDot } from './ConnectionDot.js';
import { historyLinksText } from '../../i18n/history-links.js';
import { kbText } from '../../i18n/kb.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { StatusSwitch } from './StatusSwitch.js';
import { supervisorLinksText } from '../../i18n/supervisor-links.js';

export function TopBar() {
  const app = useApp();
  const route = useStore(app.stores.route, (s) => s.route);
  const agent = useStore(app.stores.session, (s) => s.agent);
  const open = useStore(app.stores.inbox, selectOpenCount);
  const unread = useStore(app.stores.inbox, selectUnreadTotal);
  const queued = useStore(app.stores.queue, (s) => s.total);
  const work = route.name === 'inbox' || route.name === 'conversation' || route.name === 'queue';
  // On a phone the pages, shortcuts, account and sign-out fold into a menu (see shell.css);
  // going anywhere closes it.
  const [menuOpen, setMenuOpen] = useState(false);
  const t = shellText();
  useEffect(() => setMenuOpen(false), [route]);

  const link = (to: Route, label: string, active: boolean, count?: number, hot?: boolean) => (
    <a class={`nav-link${active ? ' active' : ''}`} href={routeHref(to)} aria-current={active ? 'page' : undefined}>
      {label}
      {count !== undefined && count > 0 && <span class={`count${hot ? ' hot' : ''}`}>{count}</span>}
    </a>
  );

  return (
    <header class={`topbar${menuOpen ? ' menu-open' : ''}`}>
      <a class="brand" href="#/inbox" aria-label={t.brand}>
        <span class="brand-mark" aria-hidden="true" />
        <span class="brand-name">Counter</span>
      </a>
      <div class="topbar-menu" id="topbar-menu">
        <nav class="nav" aria-label={t.mainNav}>
          {link({ name: 'inbox' }, t.conversations, work, open, unread > 0)}
          {link({ name: 'history' }, historyLinksText().nav, route.name === 'history')}
          {link({ name: 'canned' }, t.canned, route.name === 'canned')}
          {supervises(agent) && link({ name: 'supervisor' }, supervisorLinksText().nav, route.name === 'supervisor')}
          {supervises(agent) && link({ name: 'approvals' }, afterSalesText().approvals, route.name === 'approvals')}
          {supervises(agent) && link({ name: 'kb' }, kbText().nav, route.name === 'kb')}
          {isAdmin(agent) && link({ name: 'agents' }, t.agents, route.name === 'agents')}
          {isAdmin(agent) && link({ name: 'sites' }, t.sites, route.name === 'sites')}
        </nav>
        <div class="topbar-account">
          <button type="button" class="btn-icon" aria-label={t.shortcuts} title={t.shortcutsTitle} onClick={() => app.stores.ui.getState().setHelp(true)}>
            ?
          </button>
          <a class={`nav-link me${route.name === 'account' ? ' active' : ''}`} href="#/account" title={t.account}>
            {agent?.name}
          </a>
          <button type="button" class="btn btn-quiet" onClick={() => void app.stores.session.getState().logout()}>
            {t.signOut}
          </button>
          <LanguageSwitch />
        </div>
      </div>
      <div class="topbar-right">
        {queued > 0 && (
          <a class="queue-pill" href="#/queue" title={t.waitingTitle}>
            {queued} <span class="queue-pill-word">{t.waiting}</span>
          </a>
        )}
        <ConnectionDot />
        <StatusSwitch />
      </div>
      <button
        type="button"
        class="btn-icon menu-toggle"
        aria-label={t.menu}
        aria-expanded={menuOpen}
        aria-controls="topbar-menu"
        onClick={() => setMenuOpen(!menuOpen)}
      >
        <span aria-hidden="true">☰</span>
      </button>
    </header>
  );
}
