// The shop's emails through a real SMTP server (npm's smtp-server, on a free local port): the confirmation of a
// recorded order arrives with its totals; a send the server refuses stays pending and the `emails` job sends it;
// the owner's "Send again" (a failed email) and "Send now" (one kept in the outbox) send it once, however often pressed.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { useDatabase } from '@/lib/db/client';
import { listEmails, MAX_ATTEMPTS, storeEmail } from '@/lib/db/emails';
import { seedInventory } from '@/lib/db/inventory';
import { recordPaidOrder } from '@/lib/db/orders';
import { freshDatabase, paidReceipt, type TestDatabase } from '@/lib/db/testing';

const received: string[] = [];
let refuseNext = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, _session, callback) {
    let raw = '';
    stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    stream.on('end', () => {
      if (refuseNext > 0) {
        refuseNext -= 1;
        return callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
      }
      received.push(raw);
      callback();
    });
  },
});
let t: TestDatabase;

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  process.env.EMAIL_FROM = 'Shop <shop@example.com>';
  t = await freshDatabase('pglite');
  useDatabase(t);
  await seedInventory(t.db, [{ id: 'mug', stock: 50 }]);
});
after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.dispose();
});

const until = async (check: () => Promise<boolean> | boolean) => {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(await check(), 'timed out');
};

async function paidOrder(sessionId: string) {
  const receipt = paidReceipt(sessionId, {
    email: 'ada@example.com',
    items: [{ productId: 'mug', description: 'Ceramic mug', quantity: 2, unitAmount: 1850 }],
  });
  const recorded = await recordPaidOrder(t.db, receipt, { recordedBy: 'webhook' });
  return { orderId: recorded!.orderId, receipt };
}

test('the order confirmation is sent through SMTP with the order number and totals', async () => {
  const { sendOrderConfirmation } = await import('@/lib/actions/shop-emails');
  const { orderId, receipt } = await paidOrder('cs_test_smtp');
  await sendOrderConfirmation(orderId, receipt);
  await until(() => received.length === 1);
  const message = received[0]!;
  assert.match(message, new RegExp(`Subject: Your order #${orderId} at`));
  assert.match(message, /To: ada@example\.com/);
  assert.match(message, /From: Shop <shop@example\.com>/);
  assert.match(message, /Total paid\s+\$43\.00/);
  assert.match(message, /Content-Type: text\/html/);
  await until(async () => (await listEmails(t.db)).emails[0]?.status === 'sent');
  // Sent once: asking again for the same order stores and sends nothing more.
  await sendOrderConfirmation(orderId, receipt);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(received.length, 1);
});

test('a send the server refuses stays pending, and the emails job sends it on a later run', async () => {
  const { sendOrderConfirmation } = await import('@/lib/actions/shop-emails');
  const { sendPendingEmails } = await import('@/lib/jobs/emails');
  refuseNext = 1;
  const { orderId, receipt } = await paidOrder('cs_test_smtp_retry');
  await sendOrderConfirmation(orderId, receipt);
  const mine = async () => (await listEmails(t.db)).emails.find((e) => e.orderId === orderId);
  await until(async () => (await mine())?.lastError != null);
  assert.deepEqual([(await mine())?.status, (await mine())?.attempts], ['pending', 1]);
  // The claim of the failed attempt still holds now; later on, the job takes the email.
  assert.deepEqual(await sendPendingEmails(), { sent: 0, pending: 0, failed: 0 });
  assert.deepEqual(await sendPendingEmails(new Date(Date.now() + 10 * 60_000)), { sent: 1, pending: 0, failed: 0 });
  assert.equal((await mine())?.status, 'sent');
  assert.equal(received.filter((m) => m.includes(`#${orderId} at`)).length, 1);
});

test('the owner sends a failed email again: it goes once, though the button is pressed twice at once and again later', async () => {
  const { resendEmail, sendOrderConfirmation } = await import('@/lib/actions/shop-emails');
  const { sendPendingEmails } = await import('@/lib/jobs/emails');
  refuseNext = MAX_ATTEMPTS;
  const { orderId, receipt } = await paidOrder('cs_test_resend');
  await sendOrderConfirmation(orderId, receipt);
  const mine = async () => (await listEmails(t.db)).emails.find((e) => e.orderId === orderId)!;
  await until(async () => (await mine()).lastError != null);
  for (let run = 1; run < MAX_ATTEMPTS; run++) await sendPendingEmails(new Date(Date.now() + run * 10 * 60_000));
  assert.deepEqual([(await mine()).status, (await mine()).attempts], ['failed', MAX_ATTEMPTS]);
  const sentBefore = received.length;

  const answers = await Promise.all([resendEmail((await mine()).id), resendEmail((await mine()).id)]);
  assert.deepEqual(
    answers.map((a) => a.kind),
    ['ok', 'ok'],
  );
  assert.ok(
    answers.some((a) => a.text === 'Sent to ada@example.com.'),
    JSON.stringify(answers),
  );
  assert.deepEqual([(await mine()).status, (await mine()).lastError], ['sent', null]);
  assert.deepEqual(await resendEmail((await mine()).id), {
    kind: 'ok',
    text: 'This email was sent already, to ada@example.com.',
  });
  assert.equal(received.length, sentBefore + 1);
  assert.match(received.at(-1)!, new RegExp(`Subject: Your order #${orderId} at`));
});

test('"Send now" sends an email kept in the outbox; a refusal says so and leaves it to the job, sent once in the end', async () => {
  const { resendEmail } = await import('@/lib/actions/shop-emails');
  const { sendPendingEmails } = await import('@/lib/jobs/emails');
  // Kept while the shop had no SMTP_URL.
  const id = (await storeEmail(t.db, {
    dedupeKey: 'test:outbox',
    kind: 'order_confirmation',
    orderId: null,
    to: 'grace@example.com',
    subject: 'Kept in the outbox',
    text: 'Hello',
    html: '<p>Hello</p>',
    status: 'outbox',
  }))!;
  const row = async () => (await listEmails(t.db)).emails.find((e) => e.id === id)!;
  refuseNext = 1;
  const refused = await resendEmail(id);
  assert.equal(refused.kind, 'error');
  assert.match(
    refused.text,
    /^The mail server did not take the email to grace@example\.com \(.*Mailbox busy.*\)\. It will be tried again/,
  );
  assert.deepEqual([(await row()).status, (await row()).attempts], ['pending', 1]);
  // Pressed again while it waits for the job: nothing is sent twice.
  assert.deepEqual(await resendEmail(id), {
    kind: 'ok',
    text: 'This email to grace@example.com is being sent already.',
  });
  assert.deepEqual(await sendPendingEmails(new Date(Date.now() + 10 * 60_000)), { sent: 1, pending: 0, failed: 0 });
  assert.equal((await row()).status, 'sent');
  assert.equal(received.filter((m) => m.includes('Subject: Kept in the outbox')).length, 1);
  await assert.rejects(resendEmail(999_999), { status: 400, publicMessage: 'There is no such email.' });
});
