/**
 * The second stage's features: what the first pass found elsewhere in the same document. A name tagged once is evidence
 * for its other mentions (sentence starts, headlines, a surname alone, an acronym), as in stacked document-level
 * taggers (Krishnan and Manning 2006). Shared by the trainer (on cross-validated first-pass output) and inference.
 */
import { Cap, hashString, mix, type NerResources, type TokenInfo } from './features';
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
  titledElsewhere: 115,
  speaksElsewhere: 116,
  headElsewhere: 117,
} as const;
const POSITION_HASHES = [0, 1, 2, 3].map((p) => hashString(`${p}`));

const isCapital = (c: number) => c === Cap.Initial || c === Cap.AllCaps || c === Cap.Letter || c === Cap.Camel;
/** The most features a token gets here (bias, self, case, neighbours, 2 votes, case elsewhere, first mention, title and
 * speech elsewhere, same run, same last word, inside a longer name, surname, given name, acronym, capitals elsewhere). */
const MAX_DOCUMENT_FEATURES = 18;
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

/** Word classes the document-level evidence reads (a bit mask of TokenInfo.classes each): titles and speech verbs. */
export interface DocumentCues {
  title: number;
  speech: number;
}

export const documentCues = (res: Pick<NerResources, 'titleClass' | 'speechClass'>): DocumentCues => ({
  title: 1 << res.titleClass,
  speech: 1 << res.speechClass,
});

/** Per sentence, the second stage's feature hashes (same layout as sentenceFeatures). */
export function documentFeatures(sentences: DocumentSentence[], cues: DocumentCues): { hashes: Uint32Array; offsets: Uint32Array }[] {
  const spans: FoundSpan[] = [];
  let longest = 0;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i] as DocumentSentence;
    if (s.info.length > longest) longest = s.info.length;
    for (const span of spansOf(s.path)) {
      const words: string[] = [];
      let key = '';
      for (let j = span.start; j < span.end; j++) {
        const lower = (s.info[j] as TokenInfo).lower;
        words.push(lower);
        key = j === span.start ? lower : `${key} ${lower}`;
      }
      spans.push({ start: span.start, end: span.end, type: span.type, sentence: i, key, words });
    }
  }
  // Votes by exact string, by word (with the word's position), and who is named in full.
  const byKey = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  const firstType = new Map<string, number>();
  const surnames = new Map<string, number>();
  const givenNames = new Map<string, number>();
  const acronyms = new Map<string, number>();
  /** the last word of each name of two words or more, with the types of those names ("Press Office" → office: ORG) */
  const lastWords = new Map<string, number[]>();
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
      const last = s.words[s.words.length - 1] as string;
      const lv = lastWords.get(last) ?? [0, 0, 0, 0];
      lv[s.type] = (lv[s.type] as number) + 1;
      lastWords.set(last, lv);
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
  // How the document writes each word: in lowercase (not at a sentence start), or with a capital; and the capitalised
  // words it gives a title before ("Mr. Quarry", "President Ostrova") or a speech verb after ("Quarry said"), anywhere.
  const lowerUses = new Map<string, number>();
  const capitalUses = new Map<string, number>();
  const titled = new Set<string>();
  const speaking = new Set<string>();
  for (const s of sentences) {
    const info = s.info;
    for (let k = 0; k < info.length; k++) {
      const t = info[k] as TokenInfo;
      if (k > 0 && t.cap === Cap.Lower) lowerUses.set(t.lower, (lowerUses.get(t.lower) ?? 0) + 1);
      else if (k > 0 && isCapital(t.cap)) capitalUses.set(t.lower, (capitalUses.get(t.lower) ?? 0) + 1);
      if (!isCapital(t.cap)) continue;
      const before = info[k - 1];
      if (before && before.classes & cues.title && isCapital(before.cap)) titled.add(t.lower);
      const after = info[k + 1];
      if (after && after.classes & cues.speech && !isCapital(after.cap)) speaking.add(t.lower);
    }
  }
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

  // One buffer for the whole document (each sentence's hashes are a view of it): at most 17 features a token.
  const tokens = sentences.reduce((sum, s) => sum + s.info.length, 0);
  const buffer = new Uint32Array(tokens * MAX_DOCUMENT_FEATURES);
  // (And one table of offsets, and one of each per-sentence table, for the whole document.)
  const allOffsets = new Uint32Array(tokens + sentences.length);
  let offsetsAt = 0;
  const runStart = new Int32Array(longest);
  const runEnd = new Int32Array(longest);
  const ownSpanAt = new Int32Array(longest);
  /** the end of the first pass's span starting at a token, or -1 */
  const ownSpanStart = new Int32Array(longest);
  let used = 0;
  const emit = (template: number, value: number) => {
    buffer[used++] = mix(template, value);
  };
  return sentences.map((s, si) => {
    const n = s.info.length;
    const from = used;
    const offsets = allOffsets.subarray(offsetsAt, offsetsAt + n + 1);
    offsetsAt += n + 1;
    // The runs of capitalised words (as the first stage's name-shape tests see them, without connectors).
    runStart.fill(-1, 0, n);
    runEnd.fill(-1, 0, n);
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
    ownSpanAt.fill(-1, 0, n);
    ownSpanStart.fill(-1, 0, n);
    for (const span of spansOf(s.path)) {
      for (let j = span.start; j < span.end; j++) ownSpanAt[j] = span.type;
      ownSpanStart[span.start] = span.end;
    }
    let runAt = -1;
    let runKey = '';
    for (let k = 0; k < n; k++) {
      offsets[k] = used - from;
      const t = s.info[k] as TokenInfo;
      const self = s.path[k] as number;
      emit(D.bias, 0);
      emit(D.self, self);
      emit(D.selfCap, self * 8 + t.cap + (k === 0 ? 64 : 0));
      emit(D.neighbours, (k ? (s.path[k - 1] as number) : 31) * 32 + (k + 1 < n ? (s.path[k + 1] as number) : 31));
      const capital = isCapital(t.cap);
      const own = ownSpanAt[k] as number;
      if (!capital && own < 0) continue;
      // This word in names found elsewhere (less this token's own span).
      const votes = byWord.get(t.lower);
      let best = -1;
      let bestVotes = 0;
      let total = 0;
      for (let type = 0; votes && type < 4; type++) {
        const v = Math.max(0, (votes[type] as number) - (type === own ? 1 : 0));
        total += v;
        if (v > bestVotes) {
          best = type;
          bestVotes = v;
        }
      }
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
      if (capital && titled.has(t.lower)) emit(D.titledElsewhere, self);
      if (capital && speaking.has(t.lower)) emit(D.speaksElsewhere, self);
      const rs = runStart[k] as number;
      if (rs >= 0) {
        const re = runEnd[k] as number;
        const len = re - rs;
        const position = len === 1 ? 3 : k === rs ? 0 : k === re - 1 ? 2 : 1;
        // (Once per run, not once per token of it.)
        if (rs !== runAt) {
          runAt = rs;
          runKey = (s.info[rs] as TokenInfo).lower;
          for (let j = rs + 1; j < re; j++) runKey = `${runKey} ${(s.info[j] as TokenInfo).lower}`;
        }
        const same = byKey.get(runKey);
        if (same) {
          // (Less this run's own span, when the first pass found exactly the run.)
          const less = own >= 0 && ownSpanStart[rs] === re ? own : -1;
          let top = 0;
          let topCount = -1;
          for (let type = 0; type < 4; type++) {
            const count = Math.max(0, (same[type] as number) - (type === less ? 1 : 0));
            if (count > topCount) {
              top = type;
              topCount = count;
            }
          }
          if (topCount > 0) emit(D.sameRun, top * 64 + position * 4 + bucket(topCount));
        }
        // The type of the other names that end in this run's last word ("Treasury Office" where "Press Office" is a
        // body), less this run's own span when the first pass found it.
        const heads = len > 1 ? lastWords.get((s.info[re - 1] as TokenInfo).lower) : undefined;
        if (heads) {
          const less = own >= 0 && ownSpanStart[rs] === re ? own : -1;
          let top = 0;
          let topCount = 0;
          for (let type = 0; type < 4; type++) {
            const count = Math.max(0, (heads[type] as number) - (type === less ? 1 : 0));
            if (count > topCount) {
              top = type;
              topCount = count;
            }
          }
          if (topCount > 0) emit(D.headElsewhere, top * 16 + position * 4 + bucket(topCount));
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
        emit(D.capitalElsewhere, (POSITION_HASHES[position] as number) ^ bucket(upper));
      }
    }
    offsets[n] = used - from;
    return { hashes: buffer.subarray(from, used), offsets };
  });
}

export { tagPosition, tagType };
