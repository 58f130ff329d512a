/** The conversation was resolved: rate it (1-5 and a comment), then start a new one. */
import { LIMITS } from '@counter/shared';
import { useState } from 'preact/hooks';
import { ENDED } from '../../i18n/ended';
import { useAutofocus, useChat, useSession, useText } from './use-chat';

function Rating() {
  const t = useText(ENDED);
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
  const t = useText(ENDED);
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
