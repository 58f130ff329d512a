/**
 * Knowledge base admin (issue 13), a lazy page for a site's supervisors and admins: the
 * articles (list, search, edit with a preview, delete, import), the questions the knowledge
 * base does not answer yet (the bot's and those mined from resolved conversations, each one
 * click from a prefilled editor), and the bot's settings and figures.
 */
import type { Article, ArticleCandidate, SiteId, UnansweredQuestion } from '@counter/shared';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { kbAdminApi } from '../../api/kb-admin-api.js';
import { kbAdminHttp } from '../../api/kb-admin-http.js';
import { useApp } from '../../app/app-context.js';
import { kbAdminText } from '../../i18n/kb-admin.js';
import type { ClientError } from '../../lib/client-error.js';
import { consoleLocale } from '../../lib/order-text.js';
import { useStore } from '../../lib/use-store.js';
import '../../styles/kb-admin.css';
import { FormError } from '../common/FormError.js';
import { ArticleEditor } from './ArticleEditor.js';
import { ArticleList } from './ArticleList.js';
import { BotPanel } from './BotPanel.js';
import { draftFromCandidate, draftFromQuestion, draftOf, emptyDraft, type ArticleDraft } from './article-draft.js';
import { ImportForm } from './ImportForm.js';
import { QuestionsPanel } from './QuestionsPanel.js';

type Tab = 'articles' | 'questions' | 'bot';
const TABS: Tab[] = ['articles', 'questions', 'bot'];

export function KbAdminPage() {
  const app = useApp();
  const t = kbAdminText();
  const sites = useStore(app.stores.siteNames, (s) => s.names);
  const siteIds = Object.keys(sites) as SiteId[];
  const [siteId, setSiteId] = useState<SiteId | null>(null);
  const site = siteId && sites[siteId] ? siteId : (siteIds[0] ?? null);
  const request = useMemo(() => kbAdminHttp(app), []);
  const api = useMemo(() => (site ? kbAdminApi(request, site) : null), [site]);
  const [tab, setTab] = useState<Tab>('articles');
  const [articles, setArticles] = useState<Article[]>([]);
  const [unanswered, setUnanswered] = useState<UnansweredQuestion[]>([]);
  const [candidates, setCandidates] = useState<ArticleCandidate[]>([]);
  const [draft, setDraft] = useState<ArticleDraft | null>(null);
  const [error, setError] = useState<ClientError | null>(null);

  async function reload() {
    if (!api) return;
    const [a, u, c] = await Promise.all([api.articles(), api.unanswered(), api.candidates()]);
    if (a.ok) setArticles(a.data.articles);
    if (u.ok) setUnanswered(u.data.questions);
    if (c.ok) setCandidates(c.data.candidates);
    setError(!a.ok ? a.error : !u.ok ? u.error : !c.ok ? c.error : null);
  }
  useEffect(() => {
    setDraft(null);
    void reload();
  }, [api]);

  if (!api) return <section class="page"><h1>{t.title}</h1><p class="muted">{t.noSites}</p></section>;

  const edit = (next: ArticleDraft) => {
    setDraft(next);
    setTab('articles');
  };
  async function remove(a: Article) {
    const result = await api!.remove(a.id);
    setError(result.ok ? null : result.error);
    void reload();
  }

  return (
    <section class="page kb-admin">
      <header class="page-head row">
        <h1>{t.title}</h1>
        {siteIds.length > 1 && (
          <label>
            {t.site}{' '}
            <select value={site!} onChange={(e) => setSiteId(e.currentTarget.value as SiteId)}>
              {siteIds.map((id) => (
                <option key={id} value={id}>
                  {sites[id]}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      <div class="kb-tabs" role="tablist">
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} class={`btn${tab === name ? ' active' : ''}`} onClick={() => setTab(name)}>
            {t.tabs[name]}
            {name === 'questions' && unanswered.length + candidates.length > 0 && <span class="count">{unanswered.length + candidates.length}</span>}
          </button>
        ))}
      </div>
      <FormError error={error} />
      {tab === 'articles' &&
        (draft ? (
          <ArticleEditor
            key={draft.id ?? draft.title}
            api={api}
            initial={draft}
            onDone={(saved) => {
              setDraft(null);
              if (saved) void reload();
            }}
          />
        ) : (
          <>
            <button type="button" class="btn btn-primary" onClick={() => setDraft(emptyDraft(consoleLocale()))}>
              {t.newArticle}
            </button>
            <ArticleList articles={articles} onEdit={(a) => setDraft(draftOf(a))} onDelete={(a) => void remove(a)} />
            <ImportForm api={api} onImported={() => void reload()} />
          </>
        ))}
      {tab === 'questions' && (
        <QuestionsPanel
          api={api}
          unanswered={unanswered}
          candidates={candidates}
          onAnswer={(q) => edit(draftFromQuestion(q))}
          onAnswerCandidate={(c) => edit(draftFromCandidate(c))}
          onChanged={() => void reload()}
        />
      )}
      {tab === 'bot' && <BotPanel key={site} api={api} />}
    </section>
  );
}
