// Views keep their last data while the worker trains and catch up when it is idle: no figure building
// (hover rows, field images, tween frames) competes with training on the main thread.
import { useRef } from 'react';
import { useLab } from '../useLab';

export function useFrozenWhileBusy<T>(value: T): T {
  const busy = useLab((s) => s.run.busy);
  const kept = useRef(value);
  if (!busy) kept.current = value;
  return kept.current;
}
