// axe on the page as it is now: no serious or critical violation, each one described when the test fails.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './support';

export async function expectNoSeriousViolations(page: Page, state: string) {
  // Violations only: axe then spends nothing on describing what passed (about a tenth of a scan here).
  const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const described = serious.map(
    (violation) =>
      `${violation.impact} ${violation.id}: ${violation.help}\n` +
      violation.nodes
        .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\n/g, ' ')}`)
        .join('\n'),
  );
  expect(described, `serious or critical axe violations on ${state}`).toEqual([]);
}
