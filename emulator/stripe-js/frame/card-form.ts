import type { CardField } from '../card-validation';

const FIELDS: Array<{ field: CardField; label: string; placeholder: string; autocomplete: string }> = [
  { field: 'number', label: 'Card number', placeholder: '1234 1234 1234 1234', autocomplete: 'cc-number' },
  { field: 'expiry', label: 'Expiration date', placeholder: 'MM / YY', autocomplete: 'cc-exp' },
  { field: 'cvc', label: 'Security code', placeholder: 'CVC', autocomplete: 'cc-csc' },
];

const STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px system-ui, -apple-system, "Segoe UI", sans-serif; color: #30313d; background: transparent; }
  .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; padding: 2px; }
  .field { display: flex; flex-direction: column; gap: 4px; min-width: 0; }
  .field.number { grid-column: 1 / -1; }
  label { font-size: 14px; }
  input { width: 100%; font: inherit; padding: 10px 12px; border: 1px solid #d5d9e0; border-radius: 6px; }
  input:focus { outline: 2px solid #0570de; outline-offset: 0; }
  input[aria-invalid="true"] { border-color: #df1b41; }
  .error { color: #df1b41; font-size: 13px; margin: 0; min-height: 0; }
`;

export type CardForm = {
  inputs: Record<CardField, HTMLInputElement>;
  errors: Record<CardField, HTMLElement>;
  setDisabled(disabled: boolean): void;
};

// Labelled inputs with an error line each (announced through role="alert").
export function buildCardForm(root: HTMLElement): CardForm {
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.appendChild(style);
  const grid = document.createElement('div');
  grid.className = 'grid';
  const inputs = {} as Record<CardField, HTMLInputElement>;
  const errors = {} as Record<CardField, HTMLElement>;
  for (const { field, label, placeholder, autocomplete } of FIELDS) {
    const wrapper = document.createElement('div');
    wrapper.className = `field ${field}`;
    const labelNode = document.createElement('label');
    labelNode.htmlFor = `card-${field}`;
    labelNode.textContent = label;
    const input = document.createElement('input');
    Object.assign(input, { id: `card-${field}`, name: field, placeholder, autocomplete, inputMode: 'numeric' });
    input.setAttribute('aria-describedby', `card-${field}-error`);
    const error = document.createElement('p');
    Object.assign(error, { id: `card-${field}-error`, className: 'error' });
    error.setAttribute('role', 'alert');
    wrapper.append(labelNode, input, error);
    grid.appendChild(wrapper);
    inputs[field] = input;
    errors[field] = error;
  }
  root.appendChild(grid);
  return {
    inputs,
    errors,
    setDisabled: (disabled) => Object.values(inputs).forEach((input) => (input.disabled = disabled)),
  };
}
