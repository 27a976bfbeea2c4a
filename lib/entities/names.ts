/**
 * A large list of personal names (given names and surnames of many languages) as a Bloom filter: a membership test
 * in 256 kB, with no words stored and nothing to build at start-up (scripts/build-names.ts writes it, the model file
 * carries it). About 1 % of other words test positive too: the name tagger reads it as evidence beside its other word
 * classes, never as a decision.
 */
import { hashString, mix } from './features';

const MAGIC = 0x4d414e42;
const HEADER = 16;

export interface WordFilter {
  has(word: string): boolean;
}

/** The filter's bit positions for a (lowercase) word: double hashing over `bits` bits. */
function positions(word: string, bits: number, k: number, visit: (bit: number) => void): void {
  const h1 = hashString(word);
  const h2 = (mix(h1, 0x5bd1e995) | 1) >>> 0;
  const mask = bits - 1;
  for (let i = 0; i < k; i++) visit((h1 + Math.imul(i, h2)) & mask);
}

/** Writes a filter of 2^bitsLog2 bits with k hashes holding `words` (lowercase). */
export function writeNameFilter(words: Iterable<string>, bitsLog2: number, k: number): Uint8Array {
  const bits = 2 ** bitsLog2;
  const out = new Uint8Array(HEADER + bits / 8);
  const header = new Uint32Array(out.buffer, 0, 4);
  header[0] = MAGIC;
  header[1] = bitsLog2;
  header[2] = k;
  const body = out.subarray(HEADER);
  let count = 0;
  for (const w of words) {
    positions(w, bits, k, (bit) => {
      body[bit >>> 3] = (body[bit >>> 3] as number) | (1 << (bit & 7));
    });
    count++;
  }
  header[3] = count;
  return out;
}

/** Reads a filter written by writeNameFilter (a view of the bytes); throws on bytes that are none. */
export function readNameFilter(bytes: Uint8Array): WordFilter {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < HEADER || view.getUint32(0, true) !== MAGIC) throw new Error('not a name filter');
  const bitsLog2 = view.getUint32(4, true);
  const k = view.getUint32(8, true);
  const bits = 2 ** bitsLog2;
  const body = bytes.subarray(HEADER, HEADER + bits / 8);
  if (body.length * 8 !== bits) throw new Error('a truncated name filter');
  return {
    has(word: string): boolean {
      let all = true;
      positions(word, bits, k, (bit) => {
        if (!((body[bit >>> 3] as number) & (1 << (bit & 7)))) all = false;
      });
      return all;
    },
  };
}
