/**
 * The snippets of the getting-started checklist (a lazy chunk): the page snippet for the
 * chosen site, and the server's signing line in Node, PHP and Python, each with a Copy button.
 */
import { pageSnippet, SIGNING_SNIPPETS, type SigningLanguage, type SiteId } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { onboardingText } from '../../i18n/onboarding.js';
import { useStore } from '../../lib/use-store.js';

const LANGUAGES = Object.keys(SIGNING_SNIPPETS) as SigningLanguage[];

export function InstallSnippets({ onCopied }: { onCopied: () => void }) {
  const app = useApp();
  const sites = useStore(app.stores.adminSites, (s) => s.sites);
  const [siteId, setSiteId] = useState<SiteId | null>(null);
  const [language, setLanguage] = useState<SigningLanguage>('node');
  const t = onboardingText();
  const site = sites.find((s) => s.id === siteId) ?? sites[0];
  if (!site) return null;

  return (
    <div class="install-snippets">
      {sites.length > 1 && (
        <label class="field field-narrow">
          <span>{t.site}</span>
          <select value={site.id} onChange={(e) => setSiteId(e.currentTarget.value as SiteId)}>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <h3>{t.pageTitle}</h3>
      <p class="muted small">{t.pageHint}</p>
      <CopyBlock label={t.pageTitle} text={pageSnippet(location.origin, site.id)} onCopied={onCopied} />
      <h3>{t.serverTitle}</h3>
      <p class="muted small">{t.serverHint}</p>
      <div class="tabs snippet-tabs" role="tablist">
        {LANGUAGES.map((l) => (
          <button key={l} type="button" role="tab" aria-selected={language === l} class={`tab${language === l ? ' on' : ''}`} onClick={() => setLanguage(l)}>
            {t.language[l]}
          </button>
        ))}
      </div>
      <CopyBlock label={t.language[language]} text={SIGNING_SNIPPETS[language]} />
    </div>
  );
}

function CopyBlock({ label, text, onCopied }: { label: string; text: string; onCopied?: () => void }) {
  const t = onboardingText();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // No clipboard (an insecure origin, a denied permission): the text is there to select.
      setState('failed');
    }
    onCopied?.();
  }
  return (
    <div class="copy-block">
      <pre class="snippet" aria-label={t.snippetOf(label)}>
        {text}
      </pre>
      <button type="button" class="btn btn-small" onClick={() => void copy()}>
        {state === 'copied' ? t.copied : t.copy}
      </button>
      {state === 'failed' && <span class="muted small">{t.copyFailed}</span>}
    </div>
  );
}
