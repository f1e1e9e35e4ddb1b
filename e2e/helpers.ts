// Shared helpers for the lab's end-to-end tests: wait on the window.__lab hook, train, read plot traces.
import { expect, type Page } from '@playwright/test';
import type { LabTestHook } from '../src/ui/testHook';
import type { TraceSummary } from '../src/ui/plotRegistry';

// the page's own hook types: the tests read exactly what the page exposes
export type LabState = ReturnType<LabTestHook['state']>;
export type { TraceSummary };
type Hook = LabTestHook;

export const labState = (page: Page) => page.evaluate(() => (window as unknown as { __lab: Hook }).__lab.state());
export const labTraces = (page: Page) => page.evaluate(() => (window as unknown as { __lab: Hook }).__lab.traces());
export const longTasks = (page: Page, reset = false) =>
  page.evaluate((r) => (window as unknown as { __lab: Hook }).__lab.longTasks(r), reset);

/** Collects console errors and page errors (the WebGL ReadPixels performance warnings are not errors). */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Opens the lab and waits until a backend is chosen and the dataset is loaded. */
export async function openLab(page: Page, query = '', timeout = 60_000): Promise<LabState> {
  await page.goto(`/${query}`);
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __lab?: Hook };
      const s = w.__lab?.state();
      return !!s && s.backend !== null && s.n > 0 && !s.busy;
    },
    null,
    { timeout },
  );
  // plotly loads once the lab is ready (deferred so the page answers in about a second); timings below start after it
  await page.evaluate(async () => {
    await (window as unknown as { __lab: { plotly(): Promise<unknown> } }).__lab.plotly();
  });
  return labState(page);
}

/** Waits until the worker is idle and at least `stages` snapshots arrived. */
export async function waitIdle(page: Page, stages: number, timeout = 90_000): Promise<LabState> {
  await page.waitForFunction(
    (k) => {
      const s = (window as unknown as { __lab: Hook }).__lab.state();
      return !s.busy && s.stages.length >= k;
    },
    stages,
    { timeout },
  );
  // let the plot render queue drain
  await page.waitForTimeout(400);
  const s = await labState(page);
  expect(s.error).toBeNull();
  return s;
}

/** Waits for the worker to be idle after a command (the stepper's phases do not all make snapshots). */
export async function waitPhase(page: Page, phase: string, timeout = 60_000): Promise<LabState> {
  await page.waitForFunction(
    (p) => {
      const s = (window as unknown as { __lab: Hook }).__lab.state();
      return !s.busy && s.lastPhase === p;
    },
    phase,
    { timeout },
  );
  return labState(page);
}

export const byMeta = (traces: TraceSummary[] | undefined, meta: string) => traces?.find((t) => t.meta === meta);

/** Plotly's box-select tool on a plot, then a drag over its data area from fraction `from` to `to` of each side. */
export async function boxSelect(page: Page, plot: string, from: number, to: number, steps = 8): Promise<void> {
  await page.evaluate(async (id) => {
    const P = await (window as unknown as { __lab: { plotly(): Promise<{ relayout(el: Element, u: object): Promise<void> }> } }).__lab.plotly();
    await P.relayout(document.querySelector(`[data-testid=plot-${id}]`)!, { dragmode: 'select' });
  }, plot);
  await page.getByTestId(`plot-${plot}`).scrollIntoViewIfNeeded();
  const box = (await page.locator(`[data-testid=plot-${plot}] .nsewdrag`).first().boundingBox())!;
  const at = (f: number) => [box.x + box.width * f, box.y + box.height * f] as const;
  await page.mouse.move(...at(from));
  await page.mouse.down();
  await page.mouse.move(...at((from + to) / 2), { steps });
  await page.mouse.move(...at(to), { steps });
  await page.mouse.up();
}
