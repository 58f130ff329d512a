/**
 * A modal dialog on the native <dialog> element where available: focus moves in, Escape
 * closes, the page behind is inert. jsdom lacks showModal, so it falls back to an open
 * attribute there.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { commonText } from '../../i18n/common.js';

export function Dialog({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ComponentChildren; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    const focusable = dialog.querySelector<HTMLElement>('[autofocus], input, textarea, select, button:not(.dialog-close)');
    focusable?.focus();
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class={`dialog${wide ? ' dialog-wide' : ''}`}
      aria-label={title}
      // The native Escape handling would close the element behind Preact's back.
      onCancel={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header class="dialog-head">
        <h2>{title}</h2>
        <button type="button" class="dialog-close btn-icon" aria-label={commonText().close} onClick={onClose}>
          ×
        </button>
      </header>
      <div class="dialog-body">{children}</div>
    </dialog>
  );
}
