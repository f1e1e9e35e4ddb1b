// The bundled manifest for React components (loaded once, shared with the dataset loader).
import { useEffect, useState } from 'react';
import type { Manifest } from '../../io/catalogue';
import { bundledManifest } from '../../store/datasets';
import { reserveNames } from '../../store/panels';

export function useManifest(): { manifest: Manifest | null; error: string | null } {
  const [state, setState] = useState<{ manifest: Manifest | null; error: string | null }>({ manifest: null, error: null });
  useEffect(() => {
    let live = true;
    bundledManifest().then(
      (m) => {
        reserveNames(m.datasets.map((d) => d.name));
        if (live) setState({ manifest: m, error: null });
      },
      (e: Error) => live && setState({ manifest: null, error: e.message }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
