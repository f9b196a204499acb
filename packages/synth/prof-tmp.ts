import { generatePopulation } from './src/index.ts';
const n = Number(process.argv[2]);
let peak = 0;
const t = performance.now();
const r = await generatePopulation({ people: n, seed: 5, asOf: '2025-06-30', outDir: '/tmp/prof', onProgress: () => { const h = process.memoryUsage(); peak = Math.max(peak, h.heapUsed); } });
const s = (performance.now() - t) / 1000;
const total = Object.values(r.files).reduce((a, b) => a + b, 0);
console.log(n, total, s.toFixed(2), Math.round(total / s), 'res/s', 'peak heapUsed MB', (peak / 1e6).toFixed(0), 'rss', (process.memoryUsage().rss / 1e6).toFixed(0));
