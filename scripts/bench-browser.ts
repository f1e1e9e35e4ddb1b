// The built app served by vite preview and a headless Chromium for the bench scripts (bench:page, bench:large,
// the profile and soak tools): one way to start, find the browser and stop.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

/** As playwright.config.ts: CHROMIUM_PATH, else Debian's chromium when present, else Playwright's own browser. */
export const chromiumPath = (): string | undefined =>
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });

export interface Preview {
  origin: string;
  stop(): void;
}

/** `vite preview` of `dir` on `port`, answered before this resolves (about a minute at most). */
export async function startPreview(port: number, dir = 'dist'): Promise<Preview> {
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--outDir', dir], { stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      process.kill(-server.pid!);
    } catch {
      // already gone
    }
  };
  const origin = `http://localhost:${port}`;
  for (let i = 0; ; i++) {
    if (await fetch(origin).then((r) => r.ok, () => false)) return { origin, stop };
    if (i > 300) {
      stop();
      throw new Error(`the preview server did not start on port ${port}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
