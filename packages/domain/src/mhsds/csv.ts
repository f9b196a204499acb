import { stringify } from 'csv-stringify/sync';

/**
 * CSV as RFC 4180 writes it (csv-stringify): fields separated by commas, records ended by CRLF, and
 * a field quoted (its quotes doubled) when it holds a comma, a quote, a CR or an LF. An absent value
 * is an empty field.
 */
export function csvRecord(values: ReadonlyArray<string | number | null | undefined>): string {
  // A lone LF or CR is quoted too, as RFC 4180 requires, not only the CRLF that ends records.
  return stringify([values.map((v) => (v === null || v === undefined ? '' : String(v)))], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** One field as it stands in a record. */
export function csvField(value: string | number | null | undefined): string {
  return csvRecord([value]).slice(0, -2);
}
