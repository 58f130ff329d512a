/** One row per agent: handled, mean concurrent load, first response, CSAT, time online and away. */
import type { AgentFigures } from '@counter/shared';
import { reportsText } from '../../i18n/reports.js';
import { duration, number, percent } from './report-format.js';

export function AgentTable({ agents }: { agents: AgentFigures[] }) {
  const t = reportsText();
  const c = t.agentCols;
  return (
    <section class="report-section" aria-labelledby="report-agents">
      <h2 id="report-agents">{t.agents}</h2>
      {agents.length === 0 ? (
        <p class="muted">{t.noneYet}</p>
      ) : (
        <div class="report-table-scroll">
          <table class="report-table report-agents">
            <thead>
              <tr>
                <th scope="col">{c.agent}</th>
                <th scope="col">{c.handled}</th>
                <th scope="col">{c.load}</th>
                <th scope="col">{c.frt}</th>
                <th scope="col">{c.csat}</th>
                <th scope="col">{c.online}</th>
                <th scope="col">{c.away}</th>
              </tr>
            </thead>
            <tbody>
              {agents.map((a) => (
                <tr key={a.agentId} data-agent={a.agentId}>
                  <th scope="row">{a.name}</th>
                  <td>{number(a.handled)}</td>
                  <td>{number(a.concurrentLoad, undefined, 1)}</td>
                  <td>{duration(a.frt.p50)}</td>
                  <td>{percent(a.csat.share)}</td>
                  <td>{duration(a.onlineMs)}</td>
                  <td>{duration(a.awayMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
