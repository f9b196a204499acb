// Worker threads do not inherit the parent's TypeScript loader; register it here, as the CLI does.
import { register } from 'tsx/esm/api';

register();
await import('./check-worker.ts');
