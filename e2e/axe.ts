// axe-core on the page as it is now: no serious or critical violation, each one described when the test fails.
// Frames are scanned as axe-core's API lays out for a page with frames: each frame (the local Stripe's element frames
// too, which are cross-origin) runs axe.runPartial on its own document, reached through Playwright, and the top page
// joins the parts with axe.finishRun. axe goes into a document once and serves its later scans. (@axe-core/playwright
// joined the parts in a blank page it opened, and injected axe again, for every scan: about 1.0 s a scan on this
// 2-core machine against 0.3 s here, over some 30 scans in the suite.)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from '@playwright/test';
import type * as Axe from 'axe-core';
import { expect } from './support';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// Violations only: axe then spends nothing on describing what passed.
const OPTIONS: Axe.RunOptions = { resultTypes: ['violations'] };
type WithAxe = { axe: typeof Axe };
const WHOLE_PAGE: Axe.ElementContext = { exclude: [] };

/** The partial results of `frame` and of the frames inside it, depth first, as axe.finishRun takes them. */
async function partials(frame: Frame, context: Axe.ElementContext): Promise<Axe.PartialResults> {
  // Arguments go into the page as plain JSON (typed `unknown` here: Playwright's types of them recurse too deep).
  const arg: unknown = context;
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(AXE_SOURCE);
  const inner = await frame.evaluate(
    (ctx) => (window as unknown as WithAxe).axe.utils.getFrameContexts(ctx as Axe.ElementContext),
    arg,
  );
  const results: Axe.PartialResults = [
    await frame.evaluate(
      ([ctx, options]) =>
        (window as unknown as WithAxe).axe.runPartial(ctx as Axe.ElementContext, options as Axe.RunOptions),
      [arg, OPTIONS as unknown],
    ),
  ];
  for (const { frameSelector, frameContext } of inner) {
    // A frame that cannot be reached (gone, or not loaded yet) is a null in its place, as axe.finishRun takes it.
    const child = await frame
      .evaluateHandle((selector) => (window as unknown as WithAxe).axe.utils.shadowSelect(selector), frameSelector)
      .then((handle) => handle.asElement()?.contentFrame())
      .catch(() => null);
    results.push(...(child ? await partials(child, frameContext).catch(() => [null]) : [null]));
  }
  return results;
}

/** The serious and critical violations on the page as it is now, each described with the nodes it is on. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const parts = await partials(page.mainFrame(), WHOLE_PAGE);
  const { violations } = await page.evaluate(
    ([all, options]) =>
      (window as unknown as WithAxe).axe.finishRun(all as Axe.PartialResults, options as Axe.RunOptions),
    [parts as unknown, OPTIONS as unknown],
  );
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help}\n` +
        violation.nodes
          .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\n/g, ' ')}`)
          .join('\n'),
    );
}

export async function expectNoSeriousViolations(page: Page, state: string) {
  expect(await seriousViolations(page), `serious or critical axe violations on ${state}`).toEqual([]);
}
