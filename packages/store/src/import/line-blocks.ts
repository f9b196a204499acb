import { open } from 'node:fs/promises';

/**
 * NDJSON read as blocks of whole lines, in bytes. The main thread only finds the last line break of
 * each block; a worker thread decodes and splits it. Sending text line by line made the main thread
 * build, and then copy across threads, a string for every record it was about to write.
 */
export interface LineBlock {
  /** Whole lines; the block owns its buffer, so it can be moved to a worker thread. */
  bytes: Uint8Array<ArrayBuffer>;
  /** Bytes of the file up to the end of this block, for progress. */
  bytesRead: number;
}

/** About 800 records of the synthetic population: big enough that a block costs little to send. */
export const BLOCK_BYTES = 512 << 10;

/** Each block of whole lines of a file, in order; a line longer than a block makes its block larger. */
export async function* lineBlocks(path: string, blockBytes = BLOCK_BYTES): AsyncGenerator<LineBlock> {
  const file = await open(path, 'r');
  try {
    let carry = new Uint8Array(0);
    let position = 0;
    for (;;) {
      const bytes = new Uint8Array(Math.max(blockBytes, carry.length * 2));
      bytes.set(carry);
      const { bytesRead } = await file.read(bytes, carry.length, bytes.length - carry.length, null);
      const filled = carry.length + bytesRead;
      position += bytesRead;
      if (bytesRead === 0) {
        if (filled > 0) yield { bytes: bytes.slice(0, filled), bytesRead: position };
        return;
      }
      const lastBreak = bytes.lastIndexOf(LINE_FEED, filled - 1);
      if (lastBreak < 0) {
        carry = bytes.subarray(0, filled);
        continue;
      }
      carry = bytes.slice(lastBreak + 1, filled);
      yield { bytes: bytes.subarray(0, lastBreak + 1), bytesRead: position - carry.length };
    }
  } finally {
    await file.close();
  }
}

const LINE_FEED = 0x0a;

/** Line breaks as Node's readline takes them (crlfDelay: Infinity): CRLF, LF, or a lone CR. */
const LINE_BREAK = /\r\n|\n|\r/;

/** Like readline, the decoder keeps a byte order mark, which then makes its line malformed JSON. */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The lines of a block, numbered from 1 within it, and how many it holds (blank ones included). */
export function splitBlock(bytes: Uint8Array): { texts: string[]; lines: number[]; lineCount: number } {
  const segments = decoder.decode(bytes).split(LINE_BREAK);
  if (segments.at(-1) === '') segments.pop();
  const texts: string[] = [];
  const lines: number[] = [];
  for (const [i, text] of segments.entries()) {
    if (text.trim() === '') continue;
    texts.push(text);
    lines.push(i + 1);
  }
  return { texts, lines, lineCount: segments.length };
}
