import { useEffect } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
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

  useEffect(() => {
    void app.stores.adminAgents.getState().load();
    void app.stores.adminSites.getState().load();
  }, []);

  return (
    <section class="page">
      <header class="page-head">
        <h1>Agents</h1>
        <p class="muted">
          Capacity is how many conversations an agent holds at once; routing never exceeds it. Staff see and receive
          only the conversations of their sites. Supervisors step into any conversation of their sites; admins also
          run the sites' settings and staff; the owner runs the whole server.
        </p>
      </header>
      <div class="card">
        <h2>Add an agent</h2>
        <AgentCreateForm sites={sites} />
      </div>
      <FormError error={error} />
      <div class="list-tools">
        <button type="button" class="btn btn-small" onClick={() => void app.stores.adminAgents.getState().load()}>
          Refresh
        </button>
      </div>
      <div class="card card-flush">
        <table class="table" aria-label="Agents">
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>Sites</th>
              <th>Capacity</th>
              <th>Now</th>
              <th>Account</th>
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
