// A destructive action asked twice, in place: the button turns into "are you sure?" with confirm
// and cancel, and focus follows so the keyboard path is the same as the mouse's.
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n-provider';

export function ConfirmButton({
  label,
  question,
  confirmLabel,
  busy,
  onConfirm,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
}) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) startRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button ref={startRef} type="button" className="button button--quiet" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="accounts-confirm">
      <span className="accounts-confirm__question">{question}</span>
      <button
        ref={confirmRef}
        type="button"
        className="button button--danger"
        disabled={busy}
        onClick={onConfirm}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button--quiet" onClick={() => setAsking(false)}>
        {t('accounts.cancel')}
      </button>
    </span>
  );
}
