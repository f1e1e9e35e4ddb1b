// The named choices the lab, the worker and the CLI share: presets, backends and oracles, declared once.

/** `paper` reproduces the reference protocol; `interactive` is tuned for a live lab (engine/config.ts). */
export const PRESET_NAMES = ['paper', 'interactive'] as const;
export type Preset = (typeof PRESET_NAMES)[number];

/** tfjs backends in order of preference on a tie. */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
/** A backend, or `auto`: the fastest by the timing probe. */
export const BACKEND_CHOICES = ['auto', ...BACKENDS] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/** Who answers the queue: a person, or the simulated oracle that reads the data's labels. */
export const ORACLES = ['human', 'simulated'] as const;
export type OracleKind = (typeof ORACLES)[number];
