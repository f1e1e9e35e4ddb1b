// The lab slice for components: the hook and the slice seen as a store (both over the page's one store).
export { labStore } from '../store/page';
export { useLab } from '../store/hooks';
