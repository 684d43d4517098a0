import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseForm } from './form-encoding';
import { arr, map, str, validate } from '../http/params';
import { featuresOf } from './version';

it('decodes nested brackets, indices (kept as keys: the param spec decides what is a list) and appended arrays', () => {
  const body = [
    'mode=payment',
    'line_items[1][price]=price_b',
    'line_items[0][price]=price_a',
    'line_items[0][quantity]=2',
    'metadata[cart%20id]=a%2Bb+c',
    'expand[]=line_items',
    'expand[]=customer',
    'shipping_options=',
  ].join('&');
  assert.deepEqual(parseForm(body), {
    mode: 'payment',
    line_items: { 1: { price: 'price_b' }, 0: { price: 'price_a', quantity: '2' } },
    metadata: { 'cart id': 'a+b c' },
    expand: { 0: 'line_items', 1: 'customer' },
    shipping_options: '',
  });
  assert.deepEqual(parseForm(''), {});
});

it('turns index keys into a list only where the spec expects one, in index order', () => {
  const form = parseForm('items[1]=b&items[0]=a&items[10]=c&metadata[0]=zero');
  assert.deepEqual(validate(form, { items: arr(str()), metadata: map() }, featuresOf('2026-10-28.endive', {})), {
    items: ['a', 'b', 'c'],
    metadata: { 0: 'zero' },
  });
});
