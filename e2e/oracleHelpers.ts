// Helpers for the oracle and sessions specs: read the history and the cards, wait for a restore.
import { expect, type Page } from '@playwright/test';
import { openLab, waitIdle } from './helpers';

/** Index, label and round of every history row, newest first. */
export async function historyRows(page: Page): Promise<string[]> {
  return page.getByTestId('history-entry').evaluateAll((rows) =>
    rows.map((r) => `${r.getAttribute('data-index')}:${r.getAttribute('data-label')}:${r.children[2]?.textContent}:${r.children[4]?.textContent}`));
}

export async function cardDecisions(page: Page): Promise<string[]> {
  return page.getByTestId('queue-card').evaluateAll((cards) => cards.map((c) => `${c.getAttribute('data-index')}=${c.getAttribute('data-decision')}`));
}

/** Waits until the session is open and any replay after a restore has finished. */
export async function waitRestored(page: Page): Promise<void> {
  await expect(page.getByTestId('session-notice')).toContainText('retrained from the label history', { timeout: 90_000 });
  await page.waitForFunction(() => !(window as unknown as { __lab: { state(): { busy: boolean } } }).__lab.state().busy);
}


/** Opens the lab with the human oracle and trains the first round: six cards wait for answers. */
export async function firstHumanRound(page: Page, query = '?backend=wasm'): Promise<void> {
  await openLab(page, query);
  await page.getByTestId('oracle-human').click();
  await page.getByTestId('train-round').click();
  await waitIdle(page, 1);
  await expect(page.getByTestId('round-progress')).toHaveText('0 of 6 answered');
}
