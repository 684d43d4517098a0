import type { StripeAddressElement, StripeCheckoutContact } from '@stripe/stripe-js';
import type { AddressHandle } from '../element-handles';
import type { ElementHost } from '../element-factory';
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
// The postal code is a "ZIP" in the US, as Stripe's Address Element labels it.
const postalLabel = (country: string) => (country === 'US' ? 'ZIP' : 'Postal code');

// A plain labelled form in the page (an address is not card data, so no iframe is needed). A
// finished address is reported to the checkout when the buyer leaves the form.
export class AddressElement extends ElementEmitter {
  private root: HTMLElement | null = null;
  private inputs = new Map<Key, HTMLInputElement | HTMLSelectElement>();
  private postalText: HTMLSpanElement | null = null;
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
    value: () => (this.missing().length === 0 ? this.contact() : null),
    validate: () => {
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
      const input = key === 'country' ? document.createElement('select') : document.createElement('input');
      input.name = `${this.id}-${key}`;
      input.autocomplete = `${this.mode} ${autocomplete}` as AutoFill;
      input.required = required;
      input.addEventListener('input', () => this.changed());
      labelNode.appendChild(input);
      fieldset.appendChild(labelNode);
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
    this.postalText = null;
  }

  destroy(): void {
    this.unmount();
    this.host.destroyed(this.mode === 'shipping' ? 'shippingAddress' : 'billingAddress');
  }

  blur = () => (document.activeElement as HTMLElement | null)?.blur();
  focus = () => this.inputs.get('name')?.focus();
  clear = () => {
    this.inputs.forEach((input) => (input.value = input instanceof HTMLSelectElement ? (input.options[0]?.value ?? '') : ''));
    this.relabel();
  };
  update = () => this;
  getValue = async () => ({ complete: this.missing().length === 0, isNewAddress: true, value: this.contact() });

  // The countries the session ships to (shipping_address_collection.allowed_countries), as Stripe's
  // element offers only those; the buyer's choice is kept when it is still offered.
  private fillCountries(countries: readonly string[]): void {
    const select = this.inputs.get('country');
    if (!(select instanceof HTMLSelectElement) || countries.length === 0) return;
    const current = select.value;
    select.replaceChildren(...countries.map((code) => new Option(code, code)));
    if (countries.includes(current)) select.value = current;
    this.relabel();
  }

  private relabel(): void {
    if (this.postalText) this.postalText.textContent = postalLabel(this.read('country'));
  }

  private read(key: Key): string {
    return this.inputs.get(key)?.value.trim() ?? '';
  }

  private missing(): string[] {
    return FIELDS.filter((f) => f.required && !this.read(f.key)).map((f) => f.label.toLowerCase());
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

  private changed(): void {
    this.relabel();
    const complete = this.missing().length === 0;
    const empty = FIELDS.every((f) => f.key === 'country' || !this.read(f.key));
    this.emit('change', { elementType: 'address', elementMode: this.mode, empty, complete, isNewAddress: true, value: this.contact() });
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
