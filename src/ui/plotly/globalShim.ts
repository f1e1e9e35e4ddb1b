// plotly's sources (some of its stackgl modules) read Node's `global`; the browser's is globalThis.
(globalThis as unknown as { global?: typeof globalThis }).global ??= globalThis;
