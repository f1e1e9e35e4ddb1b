// Worker-thread entry for the paper grid's pool: Node workers do not inherit the tsx loader, so load the TypeScript task here.
import { register } from 'node:module';
import { tsImport } from 'tsx/esm/api';

register('./esm-resolve.mjs', import.meta.url);
const task = await tsImport('./paper-worker.ts', import.meta.url);
export default task.default;
