/** The conversation was resolved: rate it (1-5 and a comment), then start a new one. */
import { LIMITS } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useAutofocus, useChat, useSession } from './use-chat';
import { useWords } from './use-words';

/** The end-of-conversation card's words ship with it, not in the first render's catalogue. */
const WORDS = {
  ended: ['This conversation has ended.', '本次会话已结束。'],
  rate: ['How was our service?', '您对本次服务满意吗？'],
  stars: ['{n} of 5', '{n} 星（满分 5 星）'],
  comment: ['Comment (optional)', '评价（选填）'],
  rateSend: ['Send rating', '提交评价'],
  rated: ['Thanks for your feedback!', '感谢您的评价！'],
  newChat: ['Start a new conversation', '开始新的会话'],
} satisfies Record<string, [string, string]>;

function Rating() {
  const t = useWords(WORDS);
  const session = useSession();
  const [score, setScore] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    await session.rate(score, String(new FormData(event.currentTarget as HTMLFormElement).get('comment')));
    setBusy(false);
  };

  return (
    <form class="card" onSubmit={submit}>
      <fieldset class="stars">
        <legend>{t('rate')}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} class={n <= score ? 'on' : ''}>
            <input type="radio" name="score" onChange={() => setScore(n)} />
            <span aria-hidden="true">★</span>
            <span class="sr">{t('stars', { n })}</span>
          </label>
        ))}
      </fieldset>
      <label>
        {t('comment')}
        <textarea name="comment" rows={2} maxLength={LIMITS.commentLength} />
      </label>
      <button class="btn" disabled={!score || busy}>
        {t('rateSend')}
      </button>
    </form>
  );
}

export function Ended() {
  const t = useWords(WORDS);
  const session = useSession();
  const autofocus = useAutofocus<HTMLButtonElement>();
  const rated = useChat((s) => !!s.conversation?.rating);
  return (
    <section class="card">
      <p class="note">{t('ended')}</p>
      {rated ? <p role="status">{t('rated')}</p> : <Rating />}
      <button type="button" class="btn alt" ref={autofocus} onClick={() => session.newConversation()}>
        {t('newChat')}
      </button>
    </section>
  );
}
