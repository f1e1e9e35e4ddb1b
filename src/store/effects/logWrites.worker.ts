/// <reference lib="webworker" />
// The log-write worker: stores decision-log records in IndexedDB off the page's thread (see logWrites.ts).
import { openSessionStorage } from '../persist';
import { logWriteServer, type LogWriteReply, type LogWriteRequest } from './logWrites';

const ctx = self as unknown as DedicatedWorkerGlobalScope;
const serve = logWriteServer(openSessionStorage(), (replies: LogWriteReply[]) => ctx.postMessage(replies));
ctx.onmessage = (e: MessageEvent<LogWriteRequest>) => serve(e.data);
