'use client';
import { useState } from 'react';

/**
 * A line's quantity at checkout: a number the buyer edits, sent when they leave the field or press Enter,
 * and a Remove button. It shows what the session holds: a refused change puts the old number back.
 */
export function LineQuantity(props: {
  name: string;
  quantity: number;
  max: number;
  disabled: boolean;
  onSet: (quantity: number) => Promise<boolean>;
}) {
  const { name, quantity, onSet } = props;
  const [value, setValue] = useState(String(quantity));

  function commit() {
    const next = Number(value);
    if (value.trim() === '' || !Number.isInteger(next) || next < 0 || next === quantity) {
      setValue(String(quantity));
      return;
    }
    void onSet(next).then((applied) => {
      if (!applied) setValue(String(quantity));
    });
  }

  return (
    <span className="line-controls">
      <input
        type="number"
        className="quantity"
        aria-label={`Quantity of ${name}`}
        inputMode="numeric"
        min={0}
        max={props.max}
        value={value}
        readOnly={props.disabled} // not disabled: a disabled field drops the buyer's focus
        onChange={(event) => setValue(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          commit();
        }}
      />
      <button type="button" className="link-button" disabled={props.disabled} onClick={() => void onSet(0)}>
        Remove<span className="visually-hidden"> {name}</span>
      </button>
    </span>
  );
}
