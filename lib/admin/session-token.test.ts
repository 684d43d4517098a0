import assert from 'node:assert/strict';
import { it } from 'node:test';
import { adminCookie, passwordMatches, SESSION_SECONDS, sessionIsValid, signSession } from '@/lib/admin/session-token';

const PASSWORD = 'correct horse battery';

it('compares passwords exactly, whatever their lengths', () => {
  assert.equal(passwordMatches(PASSWORD, PASSWORD), true);
  for (const wrong of ['', 'correct horse', `${PASSWORD} `, 'x'.repeat(5000)])
    assert.equal(passwordMatches(wrong, PASSWORD), false, wrong);
});

it('a session is valid until it expires, and only under the password that signed it', () => {
  const now = Date.UTC(2026, 0, 1);
  const token = signSession(PASSWORD, now);
  assert.equal(sessionIsValid(PASSWORD, token, now + 1000), true);
  assert.equal(sessionIsValid(PASSWORD, token, now + SESSION_SECONDS * 1000), false);
  assert.equal(sessionIsValid('another password', token, now), false);
  const [expires, tag] = token.split('.');
  assert.equal(
    sessionIsValid(PASSWORD, `${Number(expires) + 3600}.${tag}`, now),
    false,
    'a later expiry needs a new signature',
  );
  for (const junk of [undefined, '', 'abc', `${expires}.`, `${expires}.${tag}x`])
    assert.equal(sessionIsValid(PASSWORD, junk, now), false);
});

it('the cookie is httpOnly, SameSite=Strict, and Secure behind https', () => {
  assert.deepEqual(
    [adminCookie('t', 'https://shop.example').secure, adminCookie('t', 'http://127.0.0.1:3000').secure],
    [true, false],
  );
  assert.equal(adminCookie('t', 'https://shop.example').httpOnly, true);
  assert.equal(adminCookie('t', 'https://shop.example').sameSite, 'strict');
});
