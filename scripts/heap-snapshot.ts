// A page's heap snapshot over the DevTools protocol, summed by constructor; its compiled code told apart from data.
import type { CDPSession } from '@playwright/test';

type Snap = { snapshot: { meta: { node_fields: string[]; node_types: unknown[][] } }; nodes: number[]; strings: string[] };

/** Self size and count by node name (objects by constructor, code and native by their name, the rest by type). */
export function byCtor(s: Snap): Map<string, [number, number]> {
  const f = s.snapshot.meta.node_fields;
  const w = f.length;
  const [ti, ni, si] = [f.indexOf('type'), f.indexOf('name'), f.indexOf('self_size')];
  const types = s.snapshot.meta.node_types[0] as string[];
  const out = new Map<string, [number, number]>();
  for (let i = 0; i < s.nodes.length; i += w) {
    const t = types[s.nodes[i + ti]!]!;
    const name = t === 'object' || t === 'closure' || t === 'code' || t === 'native' ? `${t}:${s.strings[s.nodes[i + ni]!]!.slice(0, 60)}` : t;
    const e = out.get(name) ?? [0, 0];
    e[0]++;
    e[1] += s.nodes[i + si]!;
    out.set(name, e);
  }
  return out;
}

/** A snapshot after two collections, by constructor. */
export async function heapSnapshot(cdp: CDPSession): Promise<Map<string, [number, number]>> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const on = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', on);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', on);
  return byCtor(JSON.parse(chunks.join('')) as Snap);
}

/** Bytes of V8's compiled code (machine code, bytecode and their tables: they grow as functions tier up, not with data). */
export function codeBytes(ctors: Map<string, [number, number]>): number {
  let sum = 0;
  for (const [k, [, size]] of ctors) if (k.startsWith('code:')) sum += size;
  return sum;
}
