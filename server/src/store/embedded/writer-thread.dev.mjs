// Tests and `pnpm dev` only (the bundle loads dist/writer-thread.js): runs the TypeScript
// writer thread through tsx, which a worker thread does not inherit from its parent.
import { tsImport } from 'tsx/esm/api';

await tsImport('./writer-thread.ts', import.meta.url);
