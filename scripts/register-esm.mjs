// Loaded with `node --import`: installs the resolve hook above for the scripts' tfjs imports.
import { register } from 'node:module';
register('./esm-resolve.mjs', import.meta.url);
