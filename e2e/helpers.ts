// Shared helpers for the lab's end-to-end tests: wait on the window.__lab hook, train, read plot traces.
import { expect, type Page } from '@playwright/test';

export interface LabState {
  backend: string | null;
  backendReason: string | null;
  probes: Array<{ name: string; stepMs: number | null; available: boolean; software: boolean; note: string | null }>;
  dataset: string;
  n: number;
  busy: boolean;
  stage: number;
  nextPhase: string;
  lastPhase: string | null;
  queue: number[];
  labelled: number;
  aurocs: Array<number | null>;
  stages: number[];
  lossEpochs: number;
  error: string | null;
  curves: number;
}

export interface TraceSummary {
  meta: string | null;
  name: string | null;
  type: string;
  points: number;
  visible: boolean;
}

type Hook = {
  state(): LabState;
  traces(): Record<string, TraceSummary[]>;
  renders(): Record<string, number>;
  hover(i: number | null): void;
  failNext(): void;
  longTasks(reset?: boolean): { max: number; count: number; trainingMax: number; trainingCount: number; detail: string };
};

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
