import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseForm } from './form';

it('decodes nested brackets, indices (in any order) and appended arrays', () => {
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
    line_items: [{ price: 'price_a', quantity: '2' }, { price: 'price_b' }],
    metadata: { 'cart id': 'a+b c' },
    expand: ['line_items', 'customer'],
    shipping_options: '',
  });
  assert.deepEqual(parseForm(''), {});
});
