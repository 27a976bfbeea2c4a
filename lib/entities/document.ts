/**
 * The second stage's features: what the first pass found elsewhere in the same document. A name tagged once is evidence
 * for its other mentions (sentence starts, headlines, a surname alone, an acronym), as in stacked document-level
 * taggers (Krishnan and Manning 2006). Shared by the trainer (on cross-validated first-pass output) and inference.
 */
import { Cap, hashString, mix, type TokenInfo } from './features';
import { type Span, spansOf, tagPosition, tagType } from './tagger';

const D = {
  bias: 101,
  self: 102,
  selfCap: 103,
  wordVote: 104,
  wordVoteSelf: 105,
  lowerElsewhere: 106,
  surname: 107,
  givenName: 108,
  inLonger: 109,
  sameRun: 110,
  firstMention: 111,
  acronym: 112,
  neighbours: 113,
  capitalElsewhere: 114,
} as const;

const isCapital = (c: number) => c === Cap.Initial || c === Cap.AllCaps || c === Cap.Letter || c === Cap.Camel;
/** The longest run of capitalised words looked for inside longer names. */
const MAX_INNER = 6;
const bucket = (n: number) => (n <= 0 ? 0 : n === 1 ? 1 : n <= 3 ? 2 : 3);

export interface DocumentSentence {
  info: TokenInfo[];
  /** the first stage's tags */
  path: Int32Array;
}

interface FoundSpan extends Span {
  sentence: number;
  key: string;
  words: string[];
}

/** Per sentence, the second stage's feature hashes (same layout as sentenceFeatures). */
export function documentFeatures(sentences: DocumentSentence[]): { hashes: Uint32Array; offsets: Uint32Array }[] {
  const spans: FoundSpan[] = [];
  sentences.forEach((s, i) => {
    for (const span of spansOf(s.path)) {
      const words = s.info.slice(span.start, span.end).map((t) => t.lower);
      spans.push({ ...span, sentence: i, key: words.join(' '), words });
    }
  });
  // Votes by exact string, by word (with the word's position), and who is named in full.
  const byKey = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  const firstType = new Map<string, number>();
  const surnames = new Map<string, number>();
  const givenNames = new Map<string, number>();
  const acronyms = new Map<string, number>();
  const longer: FoundSpan[] = [];
  for (const s of spans) {
    const votes = byKey.get(s.key) ?? [0, 0, 0, 0];
    votes[s.type] = (votes[s.type] as number) + 1;
    byKey.set(s.key, votes);
    for (const w of s.words) {
      const wv = byWord.get(w) ?? [0, 0, 0, 0];
      wv[s.type] = (wv[s.type] as number) + 1;
      byWord.set(w, wv);
      if (!firstType.has(w)) firstType.set(w, s.type);
    }
    if (s.words.length > 1) {
      longer.push(s);
      if (s.type === 0) {
        surnames.set(s.words[s.words.length - 1] as string, (surnames.get(s.words[s.words.length - 1] as string) ?? 0) + 1);
        givenNames.set(s.words[0] as string, (givenNames.get(s.words[0] as string) ?? 0) + 1);
      }
      const initials = s.words
        .filter((w) => !/^(of|the|and|for|de|-|&)$/.test(w))
        .map((w) => w[0])
        .join('');
      if (initials.length >= 2) acronyms.set(initials, s.type);
    }
  }
  // How the document writes each word: in lowercase (not at a sentence start), or with a capital.
  const lowerUses = new Map<string, number>();
  const capitalUses = new Map<string, number>();
  for (const s of sentences)
    s.info.forEach((t, k) => {
      if (k === 0) return;
      if (t.cap === Cap.Lower) lowerUses.set(t.lower, (lowerUses.get(t.lower) ?? 0) + 1);
      else if (isCapital(t.cap)) capitalUses.set(t.lower, (capitalUses.get(t.lower) ?? 0) + 1);
    });
  // Every run of up to MAX_INNER words inside a longer name found, with the first two names (in document order) it is
  // found in and where: a run's look-up is then one map read, however often the document repeats its names.
  const inner = new Map<string, { span: FoundSpan; at: number }[]>();
  for (const s of longer) {
    const seen = new Set<string>();
    for (let i = 0; i < s.words.length; i++) {
      let key = '';
      for (let len = 1; len <= MAX_INNER && len < s.words.length && i + len <= s.words.length; len++) {
        key = len === 1 ? (s.words[i] as string) : `${key} ${s.words[i + len - 1]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const found = inner.get(key);
        if (!found) inner.set(key, [{ span: s, at: i }]);
        else if (found.length < 2) found.push({ span: s, at: i });
      }
    }
  }

  return sentences.map((s, si) => {
    const n = s.info.length;
    const hashes: number[] = [];
    const offsets = new Uint32Array(n + 1);
    // The runs of capitalised words (as the first stage's name-shape tests see them, without connectors).
    const runStart = new Int32Array(n).fill(-1);
    const runEnd = new Int32Array(n).fill(-1);
    for (let k = 0; k < n; ) {
      if (!isCapital((s.info[k] as TokenInfo).cap)) {
        k++;
        continue;
      }
      let end = k + 1;
      while (end < n && isCapital((s.info[end] as TokenInfo).cap)) end++;
      for (let j = k; j < end; j++) {
        runStart[j] = k;
        runEnd[j] = end;
      }
      k = end;
    }
    const ownSpanAt = new Int32Array(n).fill(-1);
    const ownSpans = new Set<string>();
    for (const span of spansOf(s.path)) {
      for (let j = span.start; j < span.end; j++) ownSpanAt[j] = span.type;
      ownSpans.add(`${span.start}:${span.end}`);
    }
    let runAt = -1;
    let runKey = '';
    for (let k = 0; k < n; k++) {
      offsets[k] = hashes.length;
      const t = s.info[k] as TokenInfo;
      const self = s.path[k] as number;
      const emit = (template: number, value: number) => hashes.push(mix(template, value));
      emit(D.bias, 0);
      emit(D.self, self);
      emit(D.selfCap, self * 8 + t.cap + (k === 0 ? 64 : 0));
      emit(D.neighbours, (k ? (s.path[k - 1] as number) : 31) * 32 + (k + 1 < n ? (s.path[k + 1] as number) : 31));
      const capital = isCapital(t.cap);
      const own = ownSpanAt[k] as number;
      if (!capital && own < 0) {
        offsets[k + 1] = hashes.length;
        continue;
      }
      // This word in names found elsewhere (less this token's own span).
      const votes = (byWord.get(t.lower) ?? [0, 0, 0, 0]).slice();
      if (own >= 0) votes[own] = Math.max(0, (votes[own] as number) - 1);
      let best = -1;
      let bestVotes = 0;
      let total = 0;
      votes.forEach((v, type) => {
        total += v;
        if (v > bestVotes) {
          best = type;
          bestVotes = v;
        }
      });
      if (best >= 0) {
        const share = bestVotes === total ? 2 : bestVotes * 2 > total ? 1 : 0;
        emit(D.wordVote, best * 64 + bucket(bestVotes) * 4 + share);
        emit(D.wordVoteSelf, (best * 64 + bucket(bestVotes) * 4 + share) * 32 + self);
      } else emit(D.wordVote, 1000 + (capital ? 1 : 0));
      const lower = lowerUses.get(t.lower) ?? 0;
      const upper = (capitalUses.get(t.lower) ?? 0) - (k > 0 && capital ? 1 : 0);
      emit(D.lowerElsewhere, bucket(lower) * 8 + bucket(upper) * 2 + (k === 0 ? 1 : 0));
      const first = firstType.get(t.lower);
      if (first !== undefined) emit(D.firstMention, first * 2 + (k === 0 ? 1 : 0));
      const rs = runStart[k] as number;
      if (rs >= 0) {
        const re = runEnd[k] as number;
        const len = re - rs;
        const position = len === 1 ? 3 : k === rs ? 0 : k === re - 1 ? 2 : 1;
        // (Once per run, not once per token of it.)
        if (rs !== runAt) {
          runAt = rs;
          runKey = s.info
            .slice(rs, re)
            .map((x) => x.lower)
            .join(' ');
        }
        const same = byKey.get(runKey);
        if (same) {
          const own = ownSpanAt[k];
          const counts = same.slice();
          if (own !== undefined && own >= 0 && ownSpans.has(`${rs}:${re}`)) counts[own] = Math.max(0, (counts[own] as number) - 1);
          const top = counts.indexOf(Math.max(...counts));
          if ((counts[top] as number) > 0) emit(D.sameRun, top * 64 + position * 4 + bucket(counts[top] as number));
        }
        // Part of a longer name found elsewhere ("Paris" of "Paris Agreement", "Rathke" of "Jeff Rathke").
        // (At most one of the two is the name this token is in.)
        for (const { span: other, at } of (len <= MAX_INNER && inner.get(runKey)) || []) {
          if (other.sentence === si && other.start <= k && other.end > k) continue;
          const where = at === 0 ? 0 : at + len === other.words.length ? 2 : 1;
          emit(D.inLonger, other.type * 16 + where * 4 + position);
          break;
        }
        if (len <= 2 && surnames.has(t.lower) && k === re - 1) emit(D.surname, len);
        if (len <= 2 && givenNames.has(t.lower) && k === rs) emit(D.givenName, len);
        if (t.cap === Cap.AllCaps && acronyms.has(t.lower)) emit(D.acronym, acronyms.get(t.lower) as number);
        emit(D.capitalElsewhere, hashString(`${position}`) ^ bucket(upper));
      }
      offsets[k + 1] = hashes.length;
    }
    offsets[n] = hashes.length;
    return { hashes: Uint32Array.from(hashes), offsets };
  });
}

export { tagPosition, tagType };
