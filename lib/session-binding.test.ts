import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bindingTag, browserToken, isBound } from '@/lib/session-binding';

const attempt = () => crypto.randomUUID();

test('a browser keeps its token; a missing or malformed one is replaced by one derived from the attempt', () => {
  const first = attempt();
  const token = browserToken(undefined, first);
  assert.match(token, /^[\w-]{43}$/);
  assert.equal(browserToken(token, attempt()), token);
  assert.equal(browserToken(undefined, first), token, 'a double click of one attempt gets one token');
  assert.notEqual(browserToken(undefined, attempt()), token);
  assert.notEqual(browserToken('not-a-token', first), 'not-a-token');
});

test('only the token that made a tag is bound to it', () => {
  const mine = browserToken(undefined, attempt());
  const theirs = browserToken(undefined, attempt());
  const tag = bindingTag(mine);
  assert.equal(isBound(mine, tag), true);
  assert.equal(isBound(theirs, tag), false);
  assert.equal(isBound(undefined, tag), false);
  assert.equal(isBound(mine, null), false, 'a session made elsewhere (no tag) is bound to nobody');
  assert.equal(isBound(mine, `${tag.slice(0, -1)}x`), false);
});

test('the tag does not contain the token', () => {
  const token = browserToken(undefined, attempt());
  assert.ok(!bindingTag(token).includes(token));
});
