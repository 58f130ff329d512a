/**
 * The conversation was resolved: rate it (1-5, then an optional comment). It sits above
 * the composer: writing starts the next conversation below this one, so the card stays
 * small (the comment field only once a star is picked), keeps the last reply in view, and
 * leaves the focus to the composer. "Start a new conversation" clears the screen instead.
 */
import { LIMITS } from '@counter/shared';
import { useState } from 'preact/hooks';
import { ENDED } from '../../i18n/ended';
import { useChat, useSession, useText } from './use-chat';

function Rating() {
  const t = useText(ENDED);
  const session = useSession();
  const [score, setScore] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    await session.rate(score, String(new FormData(event.currentTarget as HTMLFormElement).get('comment') ?? ''));
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
      {score > 0 && (
        <>
          <label>
            {t('comment')}
            <textarea name="comment" rows={2} maxLength={LIMITS.commentLength} />
          </label>
          <button class="btn" disabled={busy}>
            {t('rateSend')}
          </button>
        </>
      )}
    </form>
  );
}

export function Ended() {
  const t = useText(ENDED);
  const session = useSession();
  const rated = useChat((s) => !!s.conversation?.rating);
  return (
    <section class="card">
      <p class="note">{t('ended')}</p>
      {rated ? <p role="status">{t('rated')}</p> : <Rating />}
      <button type="button" class="link" onClick={() => session.newConversation()}>
        {t('newChat')}
      </button>
    </section>
  );
}
