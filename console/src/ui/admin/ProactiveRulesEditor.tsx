/** The proactive rules of a site: each a set of conditions and a message in both languages. */
import type { ProactiveRule, ProactiveSettings } from '@counter/shared';
import { lookText } from '../../i18n/look.js';

/** An empty number field means "no such condition". */
const optional = (input: HTMLInputElement): number | undefined => (input.value === '' ? undefined : input.valueAsNumber);

function newRule(rules: ProactiveRule[]): ProactiveRule {
  let n = rules.length + 1;
  while (rules.some((r) => r.id === `rule-${n}`)) n++;
  return { id: `rule-${n}`, seconds: 30, message: { en: '', zh: '' } };
}

export function ProactiveRulesEditor({ value, onChange }: { value: ProactiveSettings; onChange: (next: ProactiveSettings) => void }) {
  const t = lookText();
  const set = (i: number, patch: Partial<ProactiveRule>) =>
    onChange({ ...value, rules: value.rules.map((r, j) => (j === i ? dropUndefined({ ...r, ...patch }) : r)) });

  return (
    <fieldset class="proactive-rules">
      <legend>{t.rules}</legend>
      <p class="muted small">{t.rulesIntro}</p>
      <label class="field field-narrow">
        <span>{t.cap}</span>
        <input type="number" name="proactive-cap" min={1} max={720} value={value.capHours} onInput={(e) => onChange({ ...value, capHours: e.currentTarget.valueAsNumber || 1 })} />
      </label>
      {value.rules.map((rule, i) => (
        <fieldset key={i} class="proactive-rule" aria-label={t.rule(i + 1)}>
          <legend>{t.rule(i + 1)}</legend>
          <div class="form-row">
            <label class="field">
              <span>{t.id}</span>
              <input name="rule-id" value={rule.id} maxLength={24} onInput={(e) => set(i, { id: e.currentTarget.value })} />
            </label>
            <label class="field field-narrow">
              <span>{t.seconds}</span>
              <input type="number" name="rule-seconds" min={0} max={3600} value={rule.seconds} onInput={(e) => set(i, { seconds: e.currentTarget.valueAsNumber || 0 })} />
            </label>
            <label class="field field-narrow">
              <span>{t.pages}</span>
              <input type="number" name="rule-pages" min={1} max={100} value={rule.pages ?? ''} onInput={(e) => set(i, { pages: optional(e.currentTarget) })} />
            </label>
          </div>
          <div class="form-row">
            <label class="field">
              <span>{t.url}</span>
              <input name="rule-url" placeholder="/sale or /products/*" maxLength={200} value={rule.url ?? ''} onInput={(e) => set(i, { url: e.currentTarget.value || undefined })} />
            </label>
            <label class="field field-narrow">
              <span>{t.cartMin}</span>
              <input
                type="number"
                name="rule-cart-min"
                min={0}
                value={rule.cart?.min ?? ''}
                onInput={(e) => {
                  const min = optional(e.currentTarget);
                  set(i, { cart: min === undefined ? undefined : { min, idle: rule.cart?.idle ?? 30 } });
                }}
              />
            </label>
            <label class="field field-narrow">
              <span>{t.idle}</span>
              <input
                type="number"
                name="rule-cart-idle"
                min={0}
                max={3600}
                disabled={!rule.cart}
                value={rule.cart?.idle ?? ''}
                onInput={(e) => rule.cart && set(i, { cart: { ...rule.cart, idle: e.currentTarget.valueAsNumber || 0 } })}
              />
            </label>
          </div>
          <div class="form-row">
            <label class="field">
              <span>{t.messageEn}</span>
              <input name="rule-message-en" required maxLength={200} value={rule.message.en} onInput={(e) => set(i, { message: { ...rule.message, en: e.currentTarget.value } })} />
            </label>
            <label class="field">
              <span>{t.messageZh}</span>
              <input name="rule-message-zh" required maxLength={200} value={rule.message.zh} onInput={(e) => set(i, { message: { ...rule.message, zh: e.currentTarget.value } })} />
            </label>
          </div>
          <button type="button" class="btn" onClick={() => onChange({ ...value, rules: value.rules.filter((_, j) => j !== i) })}>
            {t.remove}
          </button>
        </fieldset>
      ))}
      {value.rules.length < 10 && (
        <button type="button" class="btn" onClick={() => onChange({ ...value, rules: [...value.rules, newRule(value.rules)] })}>
          {t.add}
        </button>
      )}
      <p class="muted small">{t.delayLeftOut}</p>
    </fieldset>
  );
}

/** Optional conditions left empty are absent, not undefined, in what is sent. */
function dropUndefined(rule: ProactiveRule): ProactiveRule {
  return Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined)) as unknown as ProactiveRule;
}
