// The typed messages between the page and the lab worker.
export type * from './commands';
export { TEST_COMMANDS } from './commands';
export type * from './events';
export type * from './plane';
export { cloneSnapshot, snapshotTransfer } from './transfer';
