/**
 * The knowledge base in the chat (issue 13), a chunk loaded after the first render: the
 * site's popular questions before the shopper writes (猜你想问), articles that may help while
 * they type (before anything is sent), an article read inside the chat, and the answers to
 * the bot ("did this answer your question?", "talk to a person").
 */
import type { Article, ArticleHit } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { KB } from '../../../i18n/kb';
import type { KbApi } from '../../session/kb';
import { adoptStyles } from '../orders/adopt-styles';
import { useChat, useSession, useText } from '../use-chat';
import { ArticleBody } from '@counter/shared/article-body';

adoptStyles(
  '.kb{padding:4px 12px;border-top:1px solid #d0d7de}.kb h3{font-size:13px;margin:4px 0;color:#57606a}' +
    '.kb button{display:block;width:100%;text-align:start;margin:4px 0;padding:6px 10px;border:1px solid #d0d7de;border-radius:8px;background:#fff;color:#1d4ed8}' +
    '.kb.row{display:flex;gap:6px}.kb.row button{text-align:center}' +
    '.kb-article{position:absolute;inset:0;z-index:5;overflow:auto;background:#fff;padding:12px 16px}' +
    '.kb-article h2{font-size:17px}.kb-article button{border:0;background:none;color:#1d4ed8;padding:4px 0}' +
    // The chat resets lists (its message log is one); an article's lists keep their markers.
    '.kb-article ul,.kb-article ol{list-style:revert;padding-inline-start:22px;margin:8px 0}',
);

/** Keystrokes settle this long before a suggestion is asked for. */
const DEBOUNCE_MS = 250;

let api: Promise<KbApi> | undefined;
/** The pending suggestion request; a sent message cancels it (its answer would come too late). */
let timer: ReturnType<typeof setTimeout> | undefined;

export function KbPanel() {
  const t = useText(KB);
  const session = useSession();
  const locale = useChat((s) => s.locale);
  const connection = useChat((s) => s.connection);
  const messages = useChat((s) => s.messages);
  const status = useChat((s) => s.conversation?.status);
  const [top, setTop] = useState<ArticleHit[]>([]);
  const [hits, setHits] = useState<ArticleHit[]>([]);
  const [article, setArticle] = useState<Article | null>(null);
  /** The bot message already answered (by its client id), and whether a person was asked for. */
  const [answered, setAnswered] = useState<string | null>(null);
  const [handedOff, setHandedOff] = useState(false);
  const kb = () => (api ??= session.kb());
  const fail = () => {}; // Suggestions are a help, never a blocker: offline or refused, nothing shows.

  useEffect(() => {
    if (connection === 'online') void kb().then((k) => k.top(locale)).then(setTop, fail);
  }, [connection, locale]);

  const ask = (box: HTMLTextAreaElement) => {
    clearTimeout(timer);
    const q = box.value.trim();
    if (q.length < 2) return setHits([]);
    timer = setTimeout(() => void kb().then((k) => k.suggest(q)).then(setHits, fail), DEBOUNCE_MS);
  };

  // The composer is the first render's; its input events bubble here, so it needs no hook for us.
  useEffect(() => {
    const onInput = (event: Event) => {
      const box = event.target as HTMLTextAreaElement;
      if (box.closest?.('.composer')) ask(box);
    };
    const onSubmit = () => {
      clearTimeout(timer);
      setHits([]);
    };
    document.addEventListener('input', onInput);
    document.addEventListener('submit', onSubmit);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('input', onInput);
      document.removeEventListener('submit', onSubmit);
    };
  }, []);

  // A message went out (Enter sends without a submit event): its suggestions are done.
  useEffect(() => {
    clearTimeout(timer);
    setHits([]);
  }, [messages.length]);

  // A paste before this chunk loaded fired its only input event unheard: ask for what the
  // composer holds. After the effect above, which clears on mount too.
  useEffect(() => {
    const typed = document.querySelector<HTMLTextAreaElement>('.composer textarea');
    if (typed?.value.trim()) ask(typed);
  }, []);

  const open = (id: string) => void kb().then((k) => k.article(id)).then(setArticle, fail);
  const last = messages[messages.length - 1];
  const botAsks = last?.author === 'bot' && status !== 'resolved' && answered !== last.clientId && !handedOff;
  // The bot's article answers are title, quote and question, separated by blank lines; its
  // other lines (no answer found, sorry) offer a person only.
  const asksIfHelped = botAsks && last.text.includes('\n\n');
  const reply = (helped: boolean) => {
    setAnswered(last!.clientId);
    void kb().then((k) => k.feedback(helped)).catch(fail);
  };
  const person = () => {
    setHandedOff(true);
    void kb().then((k) => k.handoff()).catch(fail);
  };
  const list = hits.length > 0 ? hits : messages.length === 0 ? top : [];

  return (
    <>
      {article && (
        <div class="kb-article" role="dialog" aria-label={article.title}>
          <button type="button" onClick={() => setArticle(null)}>
            ← {t('back')}
          </button>
          <h2>{article.title}</h2>
          <ArticleBody blocks={article.blocks} />
        </div>
      )}
      {botAsks && (
        <div class="kb row">
          {asksIfHelped && (
            <>
              <button type="button" onClick={() => reply(true)}>
                {t('helped')}
              </button>
              <button type="button" onClick={() => reply(false)}>
                {t('notHelped')}
              </button>
            </>
          )}
          <button type="button" onClick={person}>
            {t('person')}
          </button>
        </div>
      )}
      {list.length > 0 && (
        <div class="kb">
          <h3>{t(hits.length > 0 ? 'suggested' : 'popular')}</h3>
          {list.map((hit) => (
            <button type="button" key={hit.id} onClick={() => open(hit.id)}>
              {hit.title}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
