import { describe, expect, it } from 'vitest';
import { csvField, csvRecord } from '@continuity/domain';

describe('CSV as RFC 4180 writes it', () => {
  it('leaves plain fields bare and writes absent values as empty fields', () => {
    expect(csvRecord(['ana', 12, null, undefined, ''])).toBe('ana,12,,,\r\n');
  });

  it('quotes fields holding a comma, a quote, a line feed or a carriage return, doubling quotes', () => {
    expect(csvField('Flat 2, 10 High St')).toBe('"Flat 2, 10 High St"');
    expect(csvField('the "Harbour" surgery')).toBe('"the ""Harbour"" surgery"');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('line one\r\nline two')).toBe('"line one\r\nline two"');
    expect(csvField('"')).toBe('""""');
  });

  it('passes unicode through unchanged, unquoted unless it needs quoting', () => {
    expect(csvRecord(['Łódź', 'Zoë, Ōsaka', '😀'])).toBe('Łódź,"Zoë, Ōsaka",😀\r\n');
  });
});
