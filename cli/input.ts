// Input with bounded memory: a file is read up to a size, a page's HTML is parsed up to a size, and --batch reads its
// lines one at a time, skipping (not buffering) any line over a size. What was left out is said in the output.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Read from a file at most: enough for any article page, and the memory stays bounded whatever the file. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** HTML parsed at most, once scripts, styles and comments are dropped from a page past it. */
export const MAX_HTML_CHARS = 4 * 1024 * 1024;
/** A --batch line (one JSON item) read at most; a longer one is skipped with an error line. */
export const MAX_LINE_BYTES = 24 * 1024 * 1024;

/** How much of an input was used, when not all of it was. */
export interface InputCut {
  what: 'file' | 'html';
  used: number;
  total: number;
}

/** The start of a file, at most MAX_FILE_BYTES of it, as text. */
export function readFileBounded(path: string, maxBytes = MAX_FILE_BYTES): { text: string; cut: InputCut | null } {
  const fd = openSync(path, 'r');
  try {
    const total = fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.min(total, maxBytes));
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (!n) break;
      read += n;
    }
    return { text: buffer.subarray(0, read).toString('utf8'), cut: total > read ? { what: 'file', used: read, total } : null };
  } finally {
    closeSync(fd);
  }
}

/**
 * A page's HTML within MAX_HTML_CHARS: a page past it loses its scripts', styles' and comments' contents (which no
 * analysis reads), then its tail. A page within it is left exactly as it is.
 */
export function boundHtml(html: string, maxChars = MAX_HTML_CHARS): { html: string; cut: InputCut | null } {
  if (html.length <= maxChars) return { html, cut: null };
  const lean = html
    .replace(/<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '<script></script>')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '<style></style>')
    .replace(/<!--[\s\S]*?-->/g, '');
  if (lean.length <= maxChars) return { html: lean, cut: null };
  return { html: lean.slice(0, maxChars), cut: { what: 'html', used: maxChars, total: lean.length } };
}

export type Line = { line: string } | { tooLong: number; head: string };

/**
 * Lines from a stream of chunks, one at a time (the reader waits for each to be handled, so input is not read ahead
 * into memory). A line over `maxBytes` is not kept: it comes out as its size and its first kilobyte.
 */
export async function* readLines(input: AsyncIterable<Uint8Array>, maxBytes = MAX_LINE_BYTES): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let head = '';
  let skipping = false;
  const finish = (): Line => {
    const out: Line = skipping ? { tooLong: size, head } : { line: Buffer.concat(parts).toString('utf8').replace(/\r$/, '') };
    parts = [];
    size = 0;
    head = '';
    skipping = false;
    return out;
  };
  for await (const raw of input) {
    const chunk = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(10, start);
      const piece = chunk.subarray(start, newline === -1 ? chunk.length : newline);
      if (!skipping && size + piece.length > maxBytes) {
        skipping = true;
        head = Buffer.concat([...parts, piece])
          .subarray(0, 1024)
          .toString('utf8');
        parts = [];
      }
      if (!skipping) parts.push(piece);
      size += piece.length;
      if (newline === -1) break;
      yield finish();
      start = newline + 1;
    }
  }
  if (size || skipping) yield finish();
}
