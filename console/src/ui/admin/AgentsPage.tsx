import { useEffect } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { agentsText } from '../../i18n/agents.js';
import { useStore } from '../../lib/use-store.js';
import { FormError } from '../common/FormError.js';
import { AgentCreateForm } from './AgentCreateForm.js';
import { AgentRow } from './AgentRow.js';

export function AgentsPage() {
  const app = useApp();
  const agents = useStore(app.stores.adminAgents, (s) => s.agents);
  const error = useStore(app.stores.adminAgents, (s) => s.error);
  const me = useStore(app.stores.session, (s) => s.agent?.id);
  const sites = useStore(app.stores.adminSites, (s) => s.sites);
  const t = agentsText();

  useEffect(() => {
    void app.stores.adminAgents.getState().load();
    void app.stores.adminSites.getState().load();
  }, []);

  return (
    <section class="page">
      <header class="page-head">
        <h1>{t.title}</h1>
        <p class="muted">
          {t.intro}
        </p>
      </header>
      <div class="card">
        <h2>{t.add}</h2>
        <AgentCreateForm sites={sites} />
      </div>
      <FormError error={error} />
      <div class="list-tools">
        <button type="button" class="btn btn-small" onClick={() => void app.stores.adminAgents.getState().load()}>
          {t.refresh}
        </button>
      </div>
      <div class="card card-flush">
        <table class="table" aria-label={t.title}>
          <thead>
            <tr>
              <th>{t.columns.name}</th>
              <th>{t.columns.role}</th>
              <th>{t.columns.sites}</th>
              <th>{t.columns.capacity}</th>
              <th>{t.columns.now}</th>
              <th>{t.columns.account}</th>
            </tr>
          </thead>
          <tbody>
            {agents.map((a) => (
              <AgentRow key={a.id} agent={a} isMe={a.id === me} sites={sites} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
