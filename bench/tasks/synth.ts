import { generatePopulation } from '@continuity/synth';
import { argument, optionalArgument, report } from './measure.ts';

const people = Number(argument('people'));
const started = performance.now();
// `--from` and `--to` write only those people of the population (a part at a time, as bench/million.ts does).
const from = Number(optionalArgument('from', '0'));
const to = Number(optionalArgument('to', String(people)));
const result = await generatePopulation({ people, seed: Number(argument('seed')), asOf: argument('as-of'), outDir: argument('out'), part: { from, to } });
const rows = Object.values(result.files).reduce((a, b) => a + b, 0);
report({ task: 'synth', seconds: (performance.now() - started) / 1000, rows, extra: { people: result.people } });
