/**
 * A site's routing settings (issue 14): topics, teams and members, each agent's skills and
 * languages, the VIP desk and the rules. Saved as one document; the server validates it.
 * Part of the Sites page's lazy chunk: none of it is in the console's first chunk.
 */
import type { Agent, RoutingRule, RoutingSettings, Site, Team } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { createHttpClient } from '../../../api/http-client.js';
import { routingText } from '../../../i18n/routing.js';
// issue 14 item 2: the bot as a topic source and a rule's minimum cart value.
import { topicsText } from '../../../i18n/topics.js';
import { BotTopicFields } from './BotTopicFields.js';

const http = createHttpClient((input, init) => fetch(input, init));
const url = (site: Site) => `/api/v1/sites/${encodeURIComponent(site.id)}/routing`;
const words = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);
const slug = (name: string, taken: string[]) => {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 30) || 'team';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
};

export function RoutingSettingsEditor({ site }: { site: Site }) {
  const t = routingText();
  const tt = topicsText();
  const [settings, setSettings] = useState<RoutingSettings | null>(null);
  const [agents, setAgents] = useState<Agent[]>([]);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    void http.request<{ settings: RoutingSettings }>('GET', url(site)).then((r) => (r.ok ? setSettings(r.data.settings) : setStatus(r.error.message)));
    void http.request<{ agents: Agent[] }>('GET', '/api/v1/agents').then((r) => r.ok && setAgents(r.data.agents.filter((a) => a.role === 'owner' || a.siteIds.includes(site.id))));
  }, [site.id]);
  if (!settings) return status ? <p class="error">{status}</p> : null;

  const set = (patch: Partial<RoutingSettings>) => setSettings({ ...settings, ...patch });
  const setTeam = (i: number, patch: Partial<Team>) => set({ teams: settings.teams.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const setRule = (i: number, patch: Partial<RoutingRule>) => set({ rules: settings.rules.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const profile = (agent: Agent) => settings.agents.find((p) => p.agentId === agent.id) ?? { agentId: agent.id, skills: [], languages: [] };
  const setProfile = (agent: Agent, patch: { skills?: string[]; languages?: string[] }) =>
    set({ agents: [...settings.agents.filter((p) => p.agentId !== agent.id), { ...profile(agent), ...patch }] });

  async function save(e: Event) {
    e.preventDefault();
    const r = await http.request<{ settings: RoutingSettings }>('PUT', url(site), settings);
    if (r.ok) setSettings(r.data.settings);
    setStatus(r.ok ? t.saved : r.error.message);
  }

  return (
    <form class="card routing-settings" aria-label={t.title} onSubmit={save}>
      <h2>{t.title}</h2>
      <p class="muted small">{t.intro}</p>
      <div class="form-row">
        <label class="field">
          <span>{t.topics}</span>
          <textarea name="routing-topics" rows={3} value={settings.topics.join('\n')} onInput={(e) => set({ topics: e.currentTarget.value.split('\n').map((s) => s.trim()).filter(Boolean) })} />
        </label>
        <label class="field field-narrow">
          <span>{t.lastAgentDays}</span>
          <input type="number" name="routing-last-agent-days" min={0} max={90} value={settings.lastAgentDays} onInput={(e) => set({ lastAgentDays: e.currentTarget.valueAsNumber || 0 })} />
        </label>
        <label class="field field-narrow">
          <span>{t.vipDesk}</span>
          <select name="routing-vip-desk" value={settings.vipTeamId ?? ''} onChange={(e) => set({ vipTeamId: e.currentTarget.value || null })}>
            <option value="">{t.none}</option>
            {settings.teams.map((team) => (
              <option key={team.id} value={team.id}>{team.name}</option>
            ))}
          </select>
        </label>
      </div>
      <BotTopicFields settings={settings} set={set} />

      <h3>{t.teams}</h3>
      {settings.teams.map((team, i) => (
        <fieldset key={i} class="routing-team" aria-label={t.team_n(i + 1)}>
          <legend>{team.name || t.team_n(i + 1)}</legend>
          <div class="form-row">
            <label class="field">
              <span>{t.teamName}</span>
              <input name="team-name" required maxLength={80} value={team.name} onInput={(e) => setTeam(i, { name: e.currentTarget.value })} />
            </label>
            <label class="field field-narrow">
              <span>{t.teamId}</span>
              <input name="team-id" required maxLength={40} value={team.id} onInput={(e) => setTeam(i, { id: e.currentTarget.value })} />
            </label>
            <label class="field field-narrow">
              <span>{t.teamCapacity}</span>
              <input type="number" name="team-capacity" min={0} max={50} value={team.capacity ?? ''} onInput={(e) => setTeam(i, { capacity: e.currentTarget.value === '' ? null : e.currentTarget.valueAsNumber })} />
            </label>
            <button type="button" class="btn" onClick={() => set({ teams: settings.teams.filter((_, j) => j !== i) })}>{t.remove}</button>
          </div>
          <div class="routing-members" role="group" aria-label={t.members}>
            {agents.map((agent) => (
              <label key={agent.id} class="check">
                <input
                  type="checkbox"
                  checked={team.members.includes(agent.id)}
                  onChange={(e) => setTeam(i, { members: e.currentTarget.checked ? [...team.members, agent.id] : team.members.filter((m) => m !== agent.id) })}
                />
                {agent.name}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <button type="button" class="btn" onClick={() => set({ teams: [...settings.teams, { id: slug(`team-${settings.teams.length + 1}`, settings.teams.map((x) => x.id)), name: '', members: [], capacity: null }] })}>
        {t.addTeam}
      </button>

      <h3>{t.agents}</h3>
      <table class="routing-agents">
        <thead>
          <tr>
            <th />
            <th>{t.skills}</th>
            <th>{t.languages}</th>
            <th>{t.capacity}</th>
          </tr>
        </thead>
        <tbody>
          {agents.map((agent) => (
            <tr key={agent.id}>
              <th scope="row">{agent.name}</th>
              <td>
                <input aria-label={`${agent.name} ${t.skills}`} value={profile(agent).skills.join(', ')} onChange={(e) => setProfile(agent, { skills: words(e.currentTarget.value) })} />
              </td>
              <td>
                <input aria-label={`${agent.name} ${t.languages}`} value={profile(agent).languages.join(', ')} onChange={(e) => setProfile(agent, { languages: words(e.currentTarget.value.toLowerCase()) })} />
              </td>
              <td>{agent.capacity}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t.rules}</h3>
      {settings.rules.map((rule, i) => (
        <fieldset key={i} class="routing-rule" aria-label={t.rule_n(i + 1)}>
          <legend>{t.rule_n(i + 1)}</legend>
          <div class="form-row">
            <select aria-label={t.anyTopic} value={rule.topic ?? ''} onChange={(e) => setRule(i, { topic: e.currentTarget.value || null })}>
              <option value="">{t.anyTopic}</option>
              {settings.topics.map((topic) => (
                <option key={topic} value={topic}>{topic}</option>
              ))}
            </select>
            <input aria-label={t.anyLanguage} placeholder={t.anyLanguage} maxLength={3} value={rule.language ?? ''} onInput={(e) => setRule(i, { language: e.currentTarget.value.trim().toLowerCase() || null })} />
            <select aria-label={t.anyTier} value={rule.tier ?? ''} onChange={(e) => setRule(i, { tier: e.currentTarget.value === 'vip' ? 'vip' : null })}>
              <option value="">{t.anyTier}</option>
              <option value="vip">{t.vip}</option>
            </select>
            <select aria-label={t.team} value={rule.teamId} onChange={(e) => setRule(i, { teamId: e.currentTarget.value })}>
              {settings.teams.map((team) => (
                <option key={team.id} value={team.id}>{team.name}</option>
              ))}
            </select>
            <input aria-label={t.skills} placeholder={t.skills} value={rule.skills.join(', ')} onChange={(e) => setRule(i, { skills: words(e.currentTarget.value) })} />
            <label class="field field-narrow">
              <span>{t.wait}</span>
              <input type="number" min={0} max={86400} value={rule.waitSeconds} onInput={(e) => setRule(i, { waitSeconds: e.currentTarget.valueAsNumber || 0 })} />
            </label>
            <label class="field field-narrow">
              <span>{tt.minValue}</span>
              <input
                type="number"
                name="rule-min-value"
                min={0}
                placeholder={tt.anyValue}
                value={rule.minValue ?? ''}
                onInput={(e) => setRule(i, { minValue: Number.isFinite(e.currentTarget.valueAsNumber) ? e.currentTarget.valueAsNumber : null })}
              />
            </label>
            <button type="button" class="btn" onClick={() => set({ rules: settings.rules.filter((_, j) => j !== i) })}>{t.remove}</button>
          </div>
        </fieldset>
      ))}
      <button
        type="button"
        class="btn"
        disabled={!settings.teams.length}
        onClick={() => set({ rules: [...settings.rules, { topic: null, language: null, tier: null, teamId: settings.teams[0]!.id, skills: [], waitSeconds: 60 }] })}
      >
        {t.addRule}
      </button>

      {status && <p class="muted small" role="status">{status}</p>}
      <div class="form-actions">
        <button type="submit" class="btn btn-primary">{t.save}</button>
      </div>
    </form>
  );
}
