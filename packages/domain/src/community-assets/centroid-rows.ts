import type { CsvProblem } from './asset-entry.ts';
import { normalisePostcode } from './distance.ts';

/**
 * Reads a postcode centroid file: columns `postcode`, `latitude`, `longitude` (WGS84 degrees, as
 * the ONS Postcode Directory gives them as `pcds`, `lat`, `long`; those names are read too).
 */
export function readCentroidRows(rows: string[][]): { centroids: Array<{ postcode: string; latitude: number; longitude: number }>; problems: CsvProblem[] } {
  const [header, ...body] = rows;
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const column = (...aliases: string[]) => names.findIndex((n) => aliases.includes(n));
  const at = { postcode: column('postcode', 'pcds'), latitude: column('latitude', 'lat'), longitude: column('longitude', 'long') };
  const missing = Object.entries(at).filter(([, i]) => i < 0).map(([name]) => name);
  if (missing.length > 0) return { centroids: [], problems: missing.map((c) => ({ row: 1, column: c, message: 'is a required column and is missing' })) };
  const centroids: Array<{ postcode: string; latitude: number; longitude: number }> = [];
  const problems: CsvProblem[] = [];
  body.forEach((fields, index) => {
    const row = index + 2;
    const postcode = normalisePostcode(fields[at.postcode] ?? '');
    const latitude = Number((fields[at.latitude] ?? '').trim() || NaN);
    const longitude = Number((fields[at.longitude] ?? '').trim() || NaN);
    if (!postcode) problems.push({ row, column: 'postcode', message: 'must be a UK postcode' });
    if (!(latitude >= 49 && latitude <= 61)) problems.push({ row, column: 'latitude', message: 'must be a latitude in the UK, in degrees' });
    if (!(longitude >= -9 && longitude <= 2)) problems.push({ row, column: 'longitude', message: 'must be a longitude in the UK, in degrees' });
    if (postcode && latitude >= 49 && latitude <= 61 && longitude >= -9 && longitude <= 2) centroids.push({ postcode, latitude, longitude });
  });
  return { centroids, problems };
}
