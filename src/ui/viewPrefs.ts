// Page-only view preferences (not part of a run or its link): the stage transition animation.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

const KEY = 'svdd-lab:animate';

function stored(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export const viewPrefs = createStore<{ animate: boolean; setAnimate(on: boolean): void }>()((set) => ({
  animate: stored(),
  setAnimate(on) {
    try {
      globalThis.localStorage?.setItem(KEY, on ? 'on' : 'off');
    } catch {
      // storage refused: the choice lasts for this page only
    }
    set({ animate: on });
  },
}));

export function useViewPrefs<T>(sel: (s: ReturnType<typeof viewPrefs.getState>) => T): T {
  return useStore(viewPrefs, sel);
}
