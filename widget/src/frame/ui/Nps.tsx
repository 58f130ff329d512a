/**
 * The site's optional question after the rating (issue 15 leftovers): 0–10, "how likely are you
 * to recommend us?". One tap sends it; it is part of the ended card's lazy chunk.
 */
import { useState } from 'preact/hooks';
import { NPS } from '../../i18n/nps';
import type { NpsAnswer } from '../session/rating';
import './nps-styles';
import { useText } from './use-chat';

export function Nps({ answer }: { answer: NpsAnswer }) {
  const t = useText(NPS);
  const [state, setState] = useState<'ask' | 'busy' | 'done' | 'failed'>('ask');

  const send = async (score: number) => {
    setState('busy');
    setState((await answer(score)) ? 'done' : 'failed');
  };

  if (state === 'done') return <p role="status">{t('thanks')}</p>;
  return (
    <fieldset class="nps">
      <legend>{t('ask')}</legend>
      <div class="nps-scale">
        {Array.from({ length: 11 }, (_, n) => (
          <button key={n} type="button" disabled={state === 'busy'} aria-label={t('score', { n })} onClick={() => void send(n)}>
            {n}
          </button>
        ))}
      </div>
      <p class="nps-ends" aria-hidden="true">
        <span>{t('low')}</span>
        <span>{t('high')}</span>
      </p>
      {state === 'failed' && (
        <p class="fail" role="alert">
          {t('failed')}
        </p>
      )}
    </fieldset>
  );
}
