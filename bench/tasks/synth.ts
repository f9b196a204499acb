import { generatePopulation } from '@continuity/synth';
import { argument, report } from './measure.ts';

const people = Number(argument('people'));
const started = performance.now();
const result = await generatePopulation({ people, seed: Number(argument('seed')), asOf: argument('as-of'), outDir: argument('out') });
const rows = Object.values(result.files).reduce((a, b) => a + b, 0);
report({ task: 'synth', seconds: (performance.now() - started) / 1000, rows, extra: { people } });
