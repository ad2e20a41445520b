import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { appendFileSync } from 'node:fs';

/** WCAG 2.1 A and AA: what EU public authorities are bound to (EN 301 549). */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe over what the page shows now and fails on any WCAG 2.1 A/AA violation, naming the rule,
 * its impact and the first elements it concerns. `A11Y_REPORT=<file>` also appends one JSON line
 * per check (screen, rule, nodes), for the before/after figures.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // A dialog fading in is measured half-transparent, its colours blended with the page behind:
  // judge the screen as it settles, once every running transition and animation has ended.
  await page.evaluate(async () => {
    // Two frames first, so a transition that a click has just scheduled has begun.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // A spinner turns for ever (a button waiting on a dialog): wait only for what ends.
    const ending = document.getAnimations().filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(ending.map((animation) => animation.finished.catch(() => undefined)));
  });
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const report = process.env.A11Y_REPORT;
  if (report)
    appendFileSync(
      report,
      `${JSON.stringify({ screen, violations: violations.map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.length, details: process.env.A11Y_DETAILS === '1' ? v.nodes.map((n) => `${n.target.join(' ')} :: ${n.html.slice(0, 120)} :: ${n.any[0]?.message ?? ''}`) : undefined })) })}\n`,
    );
  if (process.env.A11Y_REPORT_ONLY === '1') return;
  const found = violations.map(
    (v) =>
      `${v.impact ?? 'unknown'} ${v.id} (${v.nodes.length}): ${v.help}; e.g. ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
  expect(found, `WCAG 2.1 AA violations on ${screen}`).toEqual([]);
}
