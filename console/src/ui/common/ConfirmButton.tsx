/**
 * A button that asks "sure?" in place: the first click arms it, the second acts. No modal
 * browser confirm(), which blocks the page and every socket event behind it.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { commonText } from '../../i18n/common.js';

export function ConfirmButton({
  onConfirm,
  children,
  confirmLabel = commonText().confirm,
  class: className = 'btn',
  disabled,
}: {
  onConfirm: () => void;
  children: ComponentChildren;
  confirmLabel?: string;
  class?: string;
  disabled?: boolean;
}) {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const t = setTimeout(() => setArmed(false), 4000);
    return () => clearTimeout(t);
  }, [armed]);
  return (
    <button
      type="button"
      class={`${className}${armed ? ' armed' : ''}`}
      disabled={disabled}
      onClick={() => {
        if (!armed) return setArmed(true);
        setArmed(false);
        onConfirm();
      }}
    >
      {armed ? confirmLabel : children}
    </button>
  );
}
