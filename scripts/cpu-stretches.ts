// The busy stretches of a DevTools CPU profile, longest first, each with its heaviest functions (inclusive and self):
// what a long main-thread task was made of (bench:large --profile).
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
export type CpuProfile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number };

export function stretches(label: string, prof: CpuProfile, minMs = 100, top = 5): string[] {
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let t = prof.startTime;
  const ts = prof.timeDeltas.map((d) => (t += d));
  const runs: Array<[number, number]> = [];
  let s0 = -1;
  for (let i = 0; i < prof.samples.length; i++) {
    const busy = byId.get(prof.samples[i]!)!.callFrame.functionName !== '(idle)';
    if (busy && s0 < 0) s0 = i;
    if ((!busy || i === prof.samples.length - 1) && s0 >= 0) (runs.push([s0, i]), (s0 = -1));
  }
  const long = runs.map(([a, b]) => ({ a, b, ms: (ts[b]! - ts[a]!) / 1000 })).filter((x) => x.ms > minMs).sort((x, y) => y.ms - x.ms).slice(0, top);
  const out = [`== ${label}: ${long.length} busy stretches over ${minMs} ms`];
  const SKIP = /^\((root|program|anon)\)|^(performWork|workLoop|renderRoot|beginWork|commit|flush|recursively|runWithFiber|renderWithHooks|callCallback)/;
  for (const st of long) {
    const incl = new Map<string, number>();
    const self = new Map<string, number>();
    for (let i = st.a; i < st.b; i++) {
      const dt = (ts[i + 1]! - ts[i]!) / 1000;
      let id: number | undefined = prof.samples[i];
      const seen = new Set<string>();
      let first = true;
      while (id !== undefined) {
        const cf = byId.get(id)!.callFrame;
        const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`;
        if (first) (self.set(key, (self.get(key) ?? 0) + dt), (first = false));
        if (!seen.has(key)) (incl.set(key, (incl.get(key) ?? 0) + dt), seen.add(key));
        id = parent.get(id);
      }
    }
    const fmt = (m: Map<string, number>, k: number) => [...m].filter(([n]) => !SKIP.test(n)).sort((x, y) => y[1] - x[1]).slice(0, k).map(([n, v]) => `${n}=${v.toFixed(0)}`).join(' | ');
    out.push(` -- ${st.ms.toFixed(0)} ms at +${((ts[st.a]! - prof.startTime) / 1000).toFixed(0)} ms`, `   incl: ${fmt(incl, 24)}`, `   self: ${fmt(self, 10)}`);
  }
  return out;
}
