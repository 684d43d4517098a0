'use client';
import { useState } from 'react';
import { Notice } from '@/components/ui/notice';

/**
 * The one quantity field of the shop (the cart and the checkout): a number sent when the buyer leaves the
 * field or presses Enter (not on every keystroke, which would send 1 then 12), a Remove button, and the
 * refusal for this line under it, tied to the field with aria-invalid and aria-describedby. It shows what
 * the server holds: when `quantity` or `revision` changes (every answer, refusals included), the draft
 * follows it, so a refused number goes back to the stored one.
 */
export function QuantityField(props: {
  /** Unique in the page: the field's id, and the key focus returns to after an update. */
  id: string;
  name: string;
  quantity: number;
  max: number;
  busy: boolean;
  revision?: number;
  error?: string | null;
  /** A visible "Quantity" label (the cart); otherwise it is named for screen readers only. */
  showLabel?: boolean;
  onSet: (quantity: number) => void;
}) {
  const { id, name, quantity, error } = props;
  const stored = `${quantity}@${props.revision ?? 0}`;
  const [draft, setDraft] = useState(String(quantity));
  const [shown, setShown] = useState(stored);
  if (shown !== stored) {
    setShown(stored);
    setDraft(String(quantity));
  }
  const errorId = `${id}-error`;
  const commit = () => {
    const next = Number(draft);
    if (draft.trim() === '' || !Number.isInteger(next) || next < 0) return setDraft(String(quantity));
    if (next !== quantity) props.onSet(next);
  };
  // While an update runs the controls stay focusable (aria-disabled, readOnly): a disabled control drops the
  // buyer's focus to <body>.
  const guard = (action: () => void) => () => (props.busy ? undefined : action());
  return (
    <div className="quantity-field">
      <div className="quantity-controls">
        <label htmlFor={id} className={props.showLabel ? undefined : 'visually-hidden'}>
          Quantity<span className="visually-hidden"> of {name}</span>
        </label>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={0}
          max={props.max}
          value={draft}
          readOnly={props.busy}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          data-focus-key={id}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            commit();
          }}
        />
        <button
          type="button"
          className="link-button"
          aria-disabled={props.busy}
          data-focus-key={`${id}-remove`}
          onClick={guard(() => props.onSet(0))}
        >
          Remove<span className="visually-hidden"> {name}</span>
        </button>
      </div>
      {error && <Notice id={errorId}>{error}</Notice>}
    </div>
  );
}
