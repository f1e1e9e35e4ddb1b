// The active tfjs backend: chosen by the probe, watched for a lost device, replaced by the next one when it fails.
import { tf } from '../engine/tf';
import type { BackendChoice, BackendName } from '../core/choices';
import type { ProbeShape } from '../core/types';
import type { BackendReport } from '../protocol';
import { backendTitle, fallbackOrder } from './choice';

/** What the worker needs from backend selection (backends.ts in the browser; a CPU-only one in Node tests). */
export interface BackendOps {
  select(requested: BackendChoice, shape: ProbeShape, probeAll?: boolean): Promise<BackendReport>;
  /** switch tfjs to `b`; false (never throws) when it cannot start */
  start(b: BackendName): Promise<boolean>;
}

/** Shape of the network the probe trains before any data is loaded; with data, its width follows the data. */
export const DEFAULT_PROBE: ProbeShape = { d: 2, hDims: [32, 16], repDim: 8, batch: 128 };

const SUSPECT = /simulated gpu|device|lost|webgpu|webgl|context|out of memory/i;

export class BackendKeeper {
  report: BackendReport | null = null;
  private readonly failed: BackendName[] = [];
  private lost = false;

  constructor(private readonly ops: BackendOps) {}

  async select(requested: BackendChoice, shape: ProbeShape, probeAll = false): Promise<BackendReport> {
    this.report = await this.ops.select(requested, shape, probeAll);
    this.watch();
    return this.report;
  }

  /** Whether an error looks like the backend's fault (worth moving to the next backend) rather than the run's. */
  async suspect(message: string): Promise<boolean> {
    if (!this.report || this.report.active === 'cpu') return false;
    return SUSPECT.test(message) || !(await this.healthy());
  }

  /** Moves to the next backend that starts; its report, or an error when every one failed. */
  async next(why: string): Promise<BackendReport> {
    const from = this.report!.active;
    this.failed.push(from);
    for (const b of fallbackOrder(this.report!.probes, this.failed)) {
      if (await this.ops.start(b)) {
        this.report = { ...this.report!, active: b, how: 'fallback', reason: `${backendTitle(from)} failed (${why}); continuing on ${backendTitle(b)} from the last completed stage.` };
        this.watch();
        return this.report;
      }
      this.failed.push(b);
    }
    throw new Error(`Every backend failed; the last error was: ${why}`);
  }

  private async healthy(): Promise<boolean> {
    if (this.lost) return false;
    try {
      const t = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)));
      const v = await Promise.race([t.data(), new Promise<null>((r) => setTimeout(() => r(null), 3000))]);
      t.dispose();
      return v !== null && v[0] === 2;
    } catch {
      return false;
    }
  }

  private watch(): void {
    this.lost = false;
    if (this.report?.active !== 'webgpu') return;
    const dev = (tf.backend() as unknown as { device?: GPUDevice }).device;
    dev?.lost.then(() => {
      this.lost = true;
    });
  }
}
