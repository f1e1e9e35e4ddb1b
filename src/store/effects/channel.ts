// Tabs of this site tell each other about new decision-log records (BroadcastChannel), so two tabs on one session stay in step.
import type { LogRecord } from '../log';

export interface LogMessage {
  session: string;
  records: LogRecord[];
}

export function broadcastLog(name = 'svdd-lab-log'): { post(msg: LogMessage): void; listen(fn: (msg: LogMessage) => void): void } | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const ch = new BroadcastChannel(name);
  return {
    post: (msg) => ch.postMessage(msg),
    listen: (fn) => ch.addEventListener('message', (e: MessageEvent<LogMessage>) => fn(e.data)),
  };
}
