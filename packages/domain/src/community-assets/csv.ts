import { parse } from 'csv-parse/sync';

/**
 * Reads CSV text (RFC 4180, with csv-parse) into rows of fields: a byte order mark is dropped, blank
 * lines are skipped, and rows may differ in length (the row checks name what is missing). Throws,
 * with csv-parse's words, on text that is not CSV, such as a quote left open.
 */
export function parseCsv(text: string): string[][] {
  // Files from spreadsheets end lines with CRLF, others with LF: either is accepted, even mixed.
  return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
}
