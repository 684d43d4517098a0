import type { StripeAddressElement, StripeCheckoutContact } from '@stripe/stripe-js';
import type { AddressHandle } from '../element-handles';
import type { ElementHost } from '../element-factory';
import { addressProblems, needsRegion, postalLabel, regionLabel, type AddressFields } from '../address-validation';
import { ElementEmitter, resolveMountTarget } from './element-emitter';

const FIELDS = [
  { key: 'name', label: 'Full name', autocomplete: 'name', required: true },
  { key: 'country', label: 'Country', autocomplete: 'country', required: true },
  { key: 'line1', label: 'Address line 1', autocomplete: 'address-line1', required: true },
  { key: 'line2', label: 'Address line 2', autocomplete: 'address-line2', required: false },
  { key: 'city', label: 'City', autocomplete: 'address-level2', required: true },
  { key: 'state', label: 'State', autocomplete: 'address-level1', required: false },
  { key: 'postal_code', label: 'Postal code', autocomplete: 'postal-code', required: true },
] as const;
type Key = (typeof FIELDS)[number]['key'];
// Offered when the session names no allowed countries (a short list: the local Stripe does not
// carry Stripe's full country table).
const COUNTRIES = ['US', 'CA', 'GB', 'IE', 'FR', 'DE', 'ES', 'IT', 'NL', 'AU', 'JP'];
// Countries by name, as Stripe's element lists them (the value stays the ISO code).
const countryName = (code: string) => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
};

// A plain labelled form in the page (an address is not card data, so no iframe is needed). A
// finished address is reported to the checkout when the buyer leaves the form.
export class AddressElement extends ElementEmitter {
  private root: HTMLElement | null = null;
  private inputs = new Map<Key, HTMLInputElement | HTMLSelectElement>();
  private postalText: HTMLSpanElement | null = null;
  private stateText: HTMLSpanElement | null = null;
  private errors = new Map<Key, HTMLSpanElement>();
  // Fields the buyer has left (or every field, once the value was asked for): only these show errors,
  // as Stripe's element does not flag a field before the buyer is done with it.
  private touched = new Set<Key>();
  private reported = '';
  private readonly id = `address-${Math.random().toString(36).slice(2)}`;

  constructor(
    private readonly host: ElementHost,
    private readonly mode: 'shipping' | 'billing',
  ) {
    super();
  }

  readonly handle: AddressHandle = {
    setCountries: (countries) => this.fillCountries(countries),
    value: () => (this.complete() ? this.contact() : null),
    validate: () => {
      this.showAll();
      const missing = this.missing();
      return missing.length ? `Your ${this.mode} address is incomplete: ${missing.join(', ')}.` : null;
    },
  };

  mount(target: string | HTMLElement): void {
    const fieldset = document.createElement('fieldset');
    fieldset.style.cssText = 'border:0;padding:0;margin:0;display:grid;gap:8px';
    const legend = document.createElement('legend');
    legend.textContent = this.mode === 'shipping' ? 'Shipping address' : 'Billing address';
    fieldset.appendChild(legend);
    for (const { key, label, autocomplete, required } of FIELDS) {
      const labelNode = document.createElement('label');
      labelNode.style.cssText = 'display:grid;gap:4px';
      const text = labelNode.appendChild(document.createElement('span'));
      text.textContent = label;
      if (key === 'postal_code') this.postalText = text;
      if (key === 'state') this.stateText = text;
      const input = key === 'country' ? document.createElement('select') : document.createElement('input');
      input.name = `${this.id}-${key}`;
      input.id = `${this.id}-${key}`;
      input.autocomplete = `${this.mode} ${autocomplete}` as AutoFill;
      // Named by its label's text alone: a select inside a label would otherwise take its options' names too.
      text.id = `${input.id}-label`;
      input.setAttribute('aria-labelledby', text.id);
      input.required = required;
      input.addEventListener('input', () => this.changed(key));
      input.addEventListener('blur', () => {
        this.touched.add(key);
        this.showErrors();
      });
      labelNode.appendChild(input);
      // The field's message sits under it (outside the label, so it is not part of the field's name) and
      // is tied to it with aria-describedby, with aria-invalid set.
      const row = document.createElement('div');
      row.style.cssText = 'display:grid;gap:2px';
      row.appendChild(labelNode);
      const error = row.appendChild(document.createElement('span'));
      error.id = `${input.id}-error`;
      error.style.cssText = 'color:#a1261d;font-size:0.9em';
      error.hidden = true;
      this.errors.set(key, error);
      fieldset.appendChild(row);
      this.inputs.set(key, input);
    }
    this.fillCountries(this.host.allowedCountries() ?? COUNTRIES);
    fieldset.addEventListener('focusout', () => this.report());
    resolveMountTarget(target).appendChild(fieldset);
    this.root = fieldset;
    queueMicrotask(() => this.emit('ready', { elementType: 'address' }));
  }

  unmount(): void {
    this.root?.remove();
    this.root = null;
    this.inputs.clear();
    this.errors.clear();
    this.touched.clear();
    this.postalText = null;
    this.stateText = null;
  }

  destroy(): void {
    this.unmount();
    this.host.destroyed(this.mode === 'shipping' ? 'shippingAddress' : 'billingAddress');
  }

  blur = () => (document.activeElement as HTMLElement | null)?.blur();
  focus = () => this.inputs.get('name')?.focus();
  clear = () => {
    this.inputs.forEach(
      (input) => (input.value = input instanceof HTMLSelectElement ? (input.options[0]?.value ?? '') : ''),
    );
    this.relabel();
  };
  update = () => this;
  // Like Stripe's getValue(): it validates, and the errors show beside their fields.
  getValue = async () => {
    this.showAll();
    return { complete: this.complete(), isNewAddress: true, value: this.contact() };
  };

  // The countries the session ships to (shipping_address_collection.allowed_countries), as Stripe's
  // element offers only those; the buyer's choice is kept when it is still offered.
  private fillCountries(countries: readonly string[]): void {
    const select = this.inputs.get('country');
    if (!(select instanceof HTMLSelectElement) || countries.length === 0) return;
    const current = select.value;
    select.replaceChildren(...countries.map((code) => new Option(countryName(code), code)));
    if (countries.includes(current)) select.value = current;
    this.relabel();
  }

  private relabel(): void {
    const country = this.read('country');
    if (this.postalText) this.postalText.textContent = postalLabel(country);
    if (this.stateText) this.stateText.textContent = regionLabel(country);
    const state = this.inputs.get('state');
    if (state) state.required = needsRegion(country);
  }

  private fields(): AddressFields {
    const read = (key: Key) => this.inputs.get(key)?.value ?? '';
    return {
      name: read('name'),
      country: read('country'),
      line1: read('line1'),
      line2: read('line2'),
      city: read('city'),
      state: read('state'),
      postal_code: read('postal_code'),
    };
  }

  private complete(): boolean {
    return Object.keys(addressProblems(this.fields())).length === 0;
  }

  private showAll(): void {
    FIELDS.forEach((f) => this.touched.add(f.key));
    this.showErrors();
  }

  // Marks each touched field as Stripe's element does: its message under it, aria-invalid and
  // aria-describedby on it; a field put right loses both.
  private showErrors(): void {
    const problems = addressProblems(this.fields());
    for (const [key, input] of this.inputs) {
      const message = this.touched.has(key) ? problems[key] : undefined;
      const error = this.errors.get(key);
      if (!error) continue;
      error.textContent = message ?? '';
      error.hidden = !message;
      if (message) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', error.id);
      } else {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      }
    }
  }

  private read(key: Key): string {
    return this.inputs.get(key)?.value.trim() ?? '';
  }

  private missing(): string[] {
    const problems = addressProblems(this.fields());
    return FIELDS.filter((f) => problems[f.key]).map((f) =>
      (f.key === 'postal_code'
        ? postalLabel(this.read('country'))
        : f.key === 'state'
          ? regionLabel(this.read('country'))
          : f.label
      ).toLowerCase(),
    );
  }

  private contact(): StripeCheckoutContact & { address: Record<string, string | null> } {
    const opt = (key: Key) => this.read(key) || null;
    return {
      name: this.read('name'),
      address: {
        country: this.read('country'),
        line1: opt('line1'),
        line2: opt('line2'),
        city: opt('city'),
        state: opt('state'),
        postal_code: opt('postal_code'),
      },
    };
  }

  private changed(key: Key): void {
    this.relabel();
    // A field already flagged is re-checked as the buyer types, so its message goes once it is right.
    if (this.touched.has(key) || key === 'country') this.showErrors();
    const complete = this.complete();
    const empty = FIELDS.every((f) => f.key === 'country' || !this.read(f.key));
    this.emit('change', {
      elementType: 'address',
      elementMode: this.mode,
      empty,
      complete,
      isNewAddress: true,
      value: this.contact(),
    });
  }

  private report(): void {
    const value = this.handle.value();
    const key = JSON.stringify(value);
    if (!value || key === this.reported) return;
    this.reported = key;
    this.host.addressEntered(this.mode, value);
  }
}

export const asStripeAddressElement = (element: AddressElement) => element as unknown as StripeAddressElement;
