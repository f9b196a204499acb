import type { PreparedRecord } from './prepare.ts';

/**
 * A record prepared on a worker thread, which sends its row of COPY's text format already encoded
 * (a view into one buffer per chunk, moved rather than copied between threads) instead of its JSON:
 * the main thread then neither copies, escapes nor encodes the text of the records it writes.
 */
export type EncodedRecord = Omit<PreparedRecord, 'json'> & { copyRow: Uint8Array<ArrayBuffer> };

export const COPIED_COLUMNS = ['person_id', 'resource_type', 'id', 'content_hash', 'occurred_at', 'status', 'resource'] as const;

/** What COPY's text format escapes. JSON text never holds a raw tab or line break: only its backslashes need doubling. */
const TEXT_SPECIAL = /[\\\t\n\r]/;
const TEXT_SPECIALS = /[\\\t\n\r]/g;
const TEXT_ESCAPE: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const TEXT_UNESCAPE: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r' };

/**
 * One field as COPY's text format reads it. Written here rather than with a library because this is
 * the import's hottest loop: in the text format most JSON passes through untouched, where CSV quoting
 * copied every resource to double its quotes.
 */
function copyField(value: string | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  return TEXT_SPECIAL.test(value) ? value.replace(TEXT_SPECIALS, (c) => TEXT_ESCAPE[c]!) : value;
}

/** A personal record as one line of COPY text, in the order of COPIED_COLUMNS. */
export function copyRowText(r: PreparedRecord): string {
  return `${copyField(r.personId)}\t${copyField(r.type)}\t${copyField(r.id)}\t${copyField(r.contentHash)}\t${copyField(r.occurredAt)}\t${copyField(r.status)}\t${copyField(r.json)}\n`;
}

/** The rows to COPY: as sent by a worker when they were, otherwise written out here. */
export function copyRows(records: Array<PreparedRecord | EncodedRecord>): Array<string | Uint8Array<ArrayBuffer>> {
  return records.map((r) => ('copyRow' in r ? r.copyRow : copyRowText(r)));
}

/**
 * The rows of records encoded into one buffer, back to back, with where each ends. One buffer so
 * that it crosses to the main thread as a transfer, whatever the number of records.
 */
export function encodeCopyRows(records: PreparedRecord[]): { buffer: ArrayBuffer; ends: number[] } {
  const texts = records.map(copyRowText);
  let bytes = new Uint8Array(texts.reduce((sum, t) => sum + t.length, 0) + 64);
  const encoder = new TextEncoder();
  const ends: number[] = [];
  let end = 0;
  for (const text of texts) {
    let written = encoder.encodeInto(text, bytes.subarray(end));
    while (written.read! < text.length) {
      // Text beyond ASCII takes more bytes than characters: grow, and encode this row again.
      const larger = new Uint8Array(bytes.length * 2 + text.length * 3);
      larger.set(bytes.subarray(0, end));
      bytes = larger;
      written = encoder.encodeInto(text, bytes.subarray(end));
    }
    end += written.written!;
    ends.push(end);
  }
  return { buffer: bytes.buffer, ends };
}

/** Each row of an encoded buffer, as a view of it. */
export function copyRowViews(buffer: ArrayBuffer, ends: number[]): Array<Uint8Array<ArrayBuffer>> {
  return ends.map((end, i) => {
    const start = i === 0 ? 0 : ends[i - 1]!;
    return new Uint8Array(buffer, start, end - start);
  });
}

/** The JSON of a record, read back from its COPY row when that is all it has. */
export function jsonOf(record: PreparedRecord | EncodedRecord): string {
  if (!('copyRow' in record)) return record.json;
  const row = new TextDecoder().decode(record.copyRow);
  const field = row.slice(row.lastIndexOf('\t') + 1, -1);
  return field.replace(/\\(.)/g, (_, c: string) => TEXT_UNESCAPE[c] ?? c);
}
