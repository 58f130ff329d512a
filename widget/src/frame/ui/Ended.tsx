/**
 * The conversation was resolved: rate it (1-5, then an optional comment). It sits above
 * the composer: writing starts the next conversation below this one, so the card stays
 * small (the comment field only once a star is picked), keeps the last reply in view, and
 * leaves the focus to the composer. "Start a new conversation" clears the screen instead.
 */
import { LIMITS } from '@counter/shared';
import { useState } from 'preact/hooks';
import { ENDED } from '../../i18n/ended';
import type { TranscriptResult } from '../session/chat-session';
import type { NpsAnswer } from '../session/rating';
import { Nps } from './Nps';
import './form-styles';
import { useChat, useSession, useText } from './use-chat';

/** onNps: the rating is stored and the site asks its 0–10 question next (issue 15 leftovers). */
function Rating({ onNps }: { onNps: (answer: NpsAnswer) => void }) {
  const t = useText(ENDED);
  const session = useSession();
  const [score, setScore] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    const rated = await session.rate(score, String(new FormData(event.currentTarget as HTMLFormElement).get('comment') ?? ''));
    if (rated && rated.nps) onNps(rated.nps);
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

/** Issue 17: the conversation by email; a small link that opens a one-field form. */
function EmailTranscript() {
  const t = useText(ENDED);
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TranscriptResult | null>(null);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setResult(await session.emailTranscript(String(new FormData(event.currentTarget as HTMLFormElement).get('email'))));
    setBusy(false);
  };

  if (result === 'sent') return <p role="status">{t('transcriptSent')}</p>;
  if (!open) {
    return (
      <button type="button" class="link" onClick={() => setOpen(true)}>
        {t('transcript')}
      </button>
    );
  }
  return (
    <form onSubmit={submit}>
      <label>
        {t('transcriptTo')}
        <input name="email" type="email" required autoComplete="email" maxLength={254} />
      </label>
      {result && (
        <p class="fail" role="alert">
          {t(result === 'limited' ? 'transcriptLimited' : 'transcriptFailed')}
        </p>
      )}
      <button class="btn" disabled={busy}>
        {t('transcriptSend')}
      </button>
    </form>
  );
}

export function Ended() {
  const t = useText(ENDED);
  const session = useSession();
  const rated = useChat((s) => !!s.conversation?.rating);
  const mail = useChat((s) => s.mail);
  // Held here: the rating form goes once the rating is stored, the question comes after it.
  const [nps, setNps] = useState<{ answer: NpsAnswer } | null>(null);
  return (
    <section class="card">
      <p class="note">{t('ended')}</p>
      {rated ? <p role="status">{t('rated')}</p> : <Rating onNps={(answer) => setNps({ answer })} />}
      {rated && nps && <Nps answer={nps.answer} />}
      {mail && <EmailTranscript />}
      <button type="button" class="link" onClick={() => session.newConversation()}>
        {t('newChat')}
      </button>
    </section>
  );
}
