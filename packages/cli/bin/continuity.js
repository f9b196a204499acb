#!/usr/bin/env -S node --max-semi-space-size=64
// The CLI is written in TypeScript; tsx compiles it on load so there is no build step to forget.
// The young generation is larger than V8's default (16 MiB semi-spaces) because the board's builds
// and the import hold each slice of rows they read just long enough to outlive a small one, and
// copying those survivors was a fifth of a 100k-person board pack's CPU (docs/board-dashboard.md).
// The benchmark runs its tasks with the same flag (bench/run.ts).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
