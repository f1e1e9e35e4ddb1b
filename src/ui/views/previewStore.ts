// The stepper's latent cloud after "centre" and "train" (the worker's preview events), until the stage is scored.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { onWorkerEvent } from '../../store/lab';
import type { SnapshotMessage } from '../../protocol';

export interface Preview {
  phase: 'center' | 'train';
  msg: SnapshotMessage;
}

export const previewStore = createStore<{ preview: Preview | null }>()(() => ({ preview: null }));

let installed = false;

/** Listens once for the page's life: a preview replaces the last one; a scored snapshot or a reset clears it. */
export function installPreviewListener(): void {
  if (installed) return;
  installed = true;
  onWorkerEvent((ev) => {
    if (ev.type === 'preview') {
      previewStore.setState({ preview: { phase: ev.phase, msg: { snapshot: ev.snapshot, grid: ev.grid, order: ev.order } } });
      return true;
    }
    if (ev.type === 'snapshot' || (ev.type === 'state' && ev.state.stage === 0 && ev.state.nextPhase === 'pretrain')) {
      if (previewStore.getState().preview) previewStore.setState({ preview: null });
    }
    return false;
  });
}

export function usePreview(): Preview | null {
  return useStore(previewStore, (s) => s.preview);
}
