import { genderOf } from '../entities';
import { LETTER, NUMBER, replaceRunsWithout } from '../text/chars';
import { perMention, type QuoteAnalysis } from './analysis';
import { matchPatterns, render, symbolParts, symbolsBetween } from './attribution';
import { utteranceEnd, wordsIn } from './classifier';
import { personRoleOf } from './lexicon';
import type { QuoteSpan } from './marks';
import { pluralRole, type SpeakerMention } from './mentions';
import { firstEndingAfter, firstIndexAfter, lastAtOrBefore, type Word } from './text';

/** Who a candidate says spoke: a named entity, or words as written ("a US official") when no one is named. */
export interface Answer {
  /** the same key for every mention of one speaker: an entity id, or the normalised words */
  key: string;
  name: string;
  entityId: string | null;
  /** how the candidate writes the speaker near the quote ("he", "the spokesman", "Rathke") */
  written: string;
}

export interface SpeakerCandidate {
  /** index in the analysis' mentions, or -1 for the previous quote's speaker */
  mention: number;
  /** the mention the candidate's speaker is named by: itself for a name, the referent of a pronoun or description;
   * -1 for a description as written, -2 for the previous quote's speaker */
  via: number;
  features: string[];
  answer: Answer;
}

/** A quote already attributed, before the current one. */
export interface Attributed {
  quote: QuoteSpan;
  answer: Answer | null;
}

export interface QuoteCandidates {
  candidates: SpeakerCandidate[];
  /** features of the "no one" option: the quote stays unattributed when it wins */
  none: string[];
}

type Gender = 'male' | 'female' | null;

/** Per-text facts the ranker reads for every quote: genders, who holds which role, who speaks in the narrative. */
export interface RankContext {
  genders: Gender[];
  /** a person's gender by entity id, from any of their mentions */
  entityGender: Map<string, Gender>;
  /** for each mention, the index of the closest earlier mention of a person named with the same role noun, or -1 */
  roleHolder: Int32Array;
  /** whether a mention's local patterns say it speaks ("Smith said", "said Smith") */
  speaks(mention: number): boolean;
  /** for "he" and "she": the mention a plain rule takes them for, or -1 */
  referent: Int32Array;
  /** each mention's own answer (nameAnswer) and kind (kindOf), made on first use: every quote around it reads them */
  answer(mention: number): Answer | null;
  kind(mention: number): [string, string];
}

const norm = (s: string) => replaceRunsWithout(s.toLowerCase().replace(/['’]s\b/g, ''), LETTER | NUMBER, ' ').trim();

/** The same speaker, written another way near the quote. */
export function writtenAs(answer: Answer, written: string): Answer {
  return { key: answer.key, name: answer.name, entityId: answer.entityId, written };
}

function nameAnswer(m: SpeakerMention): Answer | null {
  if (m.entity) return { key: `e:${m.entity.id}`, name: m.entity.name, entityId: m.entity.id, written: m.text };
  if (m.kind === 'RUN' || m.kind === 'DESC') return { key: `w:${norm(m.text)}`, name: m.text, entityId: null, written: m.text };
  return null;
}

const SPEAKING = new Set(['X_said_here', 'said_X_here', 'X_aside_said_here', 'X_colon']);

export function rankContext(an: QuoteAnalysis): RankContext {
  const { mentions } = an;
  const { words } = an.layout;
  const entityGender = new Map<string, Gender>();
  const genders: Gender[] = mentions.map((m) => {
    if (m.kind !== 'PER' && m.kind !== 'RUN') return null;
    const before = words[m.first - 1];
    const courtesy = before ? an.lex.courtesyTitles.get(before.lower) : undefined;
    const titled = m.entity?.titles.map((t) => an.lex.courtesyTitles.get(t.toLowerCase())).find(Boolean);
    const firstName = (m.entity?.name ?? m.text).split(/\s+/)[0] ?? '';
    const g = (courtesy ?? titled ?? genderOf(firstName)) as Gender;
    if (m.entity && g) entityGender.set(m.entity.id, g);
    return g ?? null;
  });
  // A name's gender, once known from one mention, holds for the others ("Mr Smith" … "Smith").
  mentions.forEach((m, i) => {
    if (!genders[i] && m.entity) genders[i] = entityGender.get(m.entity.id) ?? null;
  });
  const roleHolder = new Int32Array(mentions.length).fill(-1);
  // The last person named beside each role noun ("Jeff Rathke, a State Department spokesman"; "spokesman Jeff Rathke").
  const lastHolder = new Map<string, number>();
  const titleOf = new Map<string, string[]>();
  let k = 0;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as SpeakerMention;
    // Role nouns in the words before this mention, up to it (a description's own role noun counts for the ones after it:
    // "Sara Novak, the company's spokeswoman, … the spokeswoman said").
    for (; k < m.first; k++) {
      const w = words[k] as Word;
      if (w.quote !== -1) continue;
      // A body's role ("the company"), or what speaks for it ("the statement", "the report"): the body named beside it.
      const personRole = personRoleOf(w.lower, an.lex);
      const person = personRole !== null;
      if (!person && !an.lex.bodyRoles.has(w.lower) && !an.lex.speechNouns.has(w.lower)) continue;
      const holder = nearestHolder(an, k, person ? PERSON_KINDS : BODY_KINDS, roleHolder);
      if (holder !== -1) lastHolder.set(personRole ?? w.lower, holder);
    }
    if (m.kind === 'PER' && m.entity) {
      for (const t of m.entity.titles) if (!titleOf.has(t.toLowerCase())) titleOf.set(t.toLowerCase(), [m.entity.id]);
      for (const t of m.entity.titles) lastHolder.set(personRoleOf(t.toLowerCase(), an.lex) ?? t.toLowerCase(), i);
    }
    if (m.kind === 'DESC' && m.role && m.definite) roleHolder[i] = lastHolder.get(m.role) ?? -1;
  }
  // Each "he"/"she" and the person a plain rule takes it for: the same pronoun just before, or the nearest person
  // of its gender who opens a clause. The ranker reads it as one hint ("he emailed Gaiman … he wrote": the first he).
  const referent = new Int32Array(mentions.length).fill(-1);
  mentions.forEach((m, i) => {
    if (m.kind !== 'PRON' || (m.pronoun !== 'he' && m.pronoun !== 'she')) return;
    const gender: Gender = m.pronoun === 'he' ? 'male' : 'female';
    let fallback = -1;
    for (let j = i - 1; j >= 0 && j >= i - MAX_SCANNED; j--) {
      const c = mentions[j] as SpeakerMention;
      if (m.paragraph - c.paragraph > 1) break;
      if (c.kind === 'PRON' && c.pronoun === m.pronoun && (referent[j] ?? -1) !== -1 && m.sentence - c.sentence <= 1) {
        referent[i] = referent[j] as number;
        return;
      }
      if (c.kind !== 'PER' && c.kind !== 'RUN') continue;
      const g = genders[j] ?? null;
      if (g && g !== gender) continue;
      const before = an.before(j);
      const clauseOpening = before === '^' || before === ',' || before === '' || before === 'T';
      if (clauseOpening && !c.possessive) {
        referent[i] = j;
        return;
      }
      if (fallback === -1) fallback = j;
    }
    referent[i] = fallback;
  });
  const speaks = (i: number) => an.local(i).some((n) => SPEAKING.has(n));
  // (Answers are never changed once made: writtenAs makes new ones.)
  const answer = perMention(mentions.length, (i) => nameAnswer(mentions[i] as SpeakerMention));
  const kind = perMention(mentions.length, (i) =>
    kindOf(an, mentions[i] as SpeakerMention, roleHolder[i] !== -1 && !!answer(roleHolder[i] as number)),
  );
  return { genders, entityGender, roleHolder, speaks, referent, answer, kind };
}

const PERSON_KINDS = new Set(['PER', 'RUN']);
const BODY_KINDS = new Set(['ORG', 'PER', 'RUN', 'DESC']);

/**
 * The name closest to word `k` in its sentence, within six words and no quote between: the person holding a role
 * ("Jeff Rathke, a spokesman"), the body a statement is from ("the company … in a statement", through the body that
 * description itself stands for).
 */
function nearestHolder(an: QuoteAnalysis, k: number, kinds: Set<string>, roleHolder: Int32Array): number {
  const { words } = an.layout;
  const w = words[k] as Word;
  for (let d = 1; d <= 6; d++) {
    for (const j of [k - d, k + d]) {
      const x = words[j];
      if (!x || x.sentence !== w.sentence || x.quote !== -1) continue;
      const m = an.mentionOfWord[j] as number;
      if (m === -1) continue;
      const mention = an.mentions[m] as SpeakerMention;
      if (!kinds.has(mention.kind)) continue;
      if (mention.kind !== 'DESC') return m;
      // A description holds what its own referent holds ("the company" … "in a statement").
      if (mention.body && mention.first <= k && (roleHolder[m] ?? -1) !== -1) return roleHolder[m] as number;
    }
  }
  return -1;
}

/** Mentions a pronoun or description may refer back to: no further than this many paragraphs, this many of them. */
const BACK_PARAGRAPHS = 3;
const MAX_ANTECEDENTS = 6;
/** Mentions looked at on the way back, whatever their kind: the search stays bounded in a text of one paragraph. */
const MAX_SCANNED = 60;

/** A reading of a pronoun or description: the speaker it would name, and why. */
interface Reading {
  answer: Answer;
  features: string[];
  /** the mention it refers back to; -1 for the words as written, -2 for the previous quote's speaker */
  via: number;
}

/** The mention opens its sentence (or follows one word there): the sentence's subject, most likely. */
function opensSentence(an: QuoteAnalysis, m: SpeakerMention): boolean {
  const sentence = an.layout.sentences[m.sentence];
  if (!sentence) return false;
  const k = m.first;
  const words = an.layout.words;
  return k === 0 || (words[k - 1] as Word).sentence !== m.sentence || (k >= 2 && (words[k - 2] as Word).sentence !== m.sentence);
}

/**
 * The people (or bodies) a pronoun or definite description may stand for: the mentions before it, nearest first,
 * each with what a learned ranker weighs (recency, gender agreement, subject or object, possessive, whether it spoke,
 * whether it was the previous quote's speaker), and the previous speaker when none of them is.
 */
function antecedents(an: QuoteAnalysis, ctx: RankContext, i: number, wanted: 'person' | 'body', gender: Gender, previous: Answer | null): Reading[] {
  const m = an.mentions[i] as SpeakerMention;
  const out: Reading[] = [];
  const seen = new Set<string>();
  for (let j = i - 1; j >= 0 && j >= i - MAX_SCANNED && out.length < MAX_ANTECEDENTS; j--) {
    const c = an.mentions[j] as SpeakerMention;
    if (m.paragraph - c.paragraph > BACK_PARAGRAPHS) break;
    const fits = wanted === 'person' ? c.kind === 'PER' || c.kind === 'RUN' : c.kind === 'ORG';
    if (!fits) continue;
    const g = wanted === 'person' ? (ctx.genders[j] ?? null) : null;
    if (gender && g && g !== gender) continue;
    const answer = ctx.answer(j);
    if (!answer || seen.has(answer.key)) continue;
    seen.add(answer.key);
    const f = [`a:rank${Math.min(out.length, 4)}`, `a:sd${Math.min(3, m.sentence - c.sentence)}`];
    if (gender) f.push(g ? 'a:gender_agrees' : 'a:gender_unknown');
    if (opensSentence(an, c)) f.push('a:subject');
    f.push(`a:before:${an.before(j)}`);
    const ruled = ctx.referent[i] ?? -1;
    if (ruled !== -1 && ctx.answer(ruled)?.key === answer.key) f.push('a:rule');
    if (c.possessive) f.push('a:possessive');
    const local = an.local(j);
    if (local.includes('listener_X') || local.includes('object_X')) f.push('a:object');
    if (ctx.speaks(j)) f.push('a:speaks');
    if (previous && previous.key === answer.key) f.push('a:previous_speaker');
    if (c.entity) f.push(`a:sal${c.entity.mentions.length > 2 ? 'many' : 'few'}`);
    // "the doctors" for Doctors for Camp Closure, "the ministry" for the Foreign Ministry.
    if (m.role && c.entity?.name.toLowerCase().includes(m.role.replace(/s$/, ''))) f.push('a:name_has_role');
    out.push({ answer: writtenAs(answer, m.text), features: f, via: j });
  }
  if (previous?.entityId && !seen.has(previous.key)) out.push({ answer: writtenAs(previous, m.text), features: ['a:previous_only'], via: -2 });
  return out;
}

/** What a mention may say about who spoke: itself for a name, its possible referents for a pronoun or description. */
function readings(an: QuoteAnalysis, ctx: RankContext, i: number, previous: Answer | null): Reading[] {
  const m = an.mentions[i] as SpeakerMention;
  if (m.kind === 'PRON') {
    const p = m.pronoun;
    if (p === 'he' || p === 'she') return antecedents(an, ctx, i, 'person', p === 'he' ? 'male' : 'female', previous);
    if (p === 'they' || p === 'we' || p === 'it') return antecedents(an, ctx, i, 'body', null, previous);
    return [];
  }
  if (m.kind === 'DESC') {
    // "a report from Northgate Capital Research", "a statement by the ministry": the body or person it comes from.
    const next = an.layout.words[m.last + 1];
    const after = an.mentions[i + 1];
    const source =
      next && /^(from|by|of)$/.test(next.lower) && after && after.first === m.last + 2 && after.kind !== 'PRON' && after.kind !== 'DESC'
        ? ctx.answer(i + 1)
        : null;
    const sourced: Reading[] = source ? [{ answer: writtenAs(source, m.text), features: ['a:source_of'], via: i + 1 }] : [];
    if (!m.definite) return [...sourced, { answer: ctx.answer(i) as Answer, features: ['a:as_written'], via: -1 }];
    const holder = ctx.roleHolder[i] ?? -1;
    const holderAnswer = holder === -1 ? null : ctx.answer(holder);
    // A description of one person whose role someone named holds is that one, read as a name is ("sagte der
    // Konzernchef von X" after "Konzernchef Jane Roe"): neither the body after it nor anyone else.
    if (holderAnswer && heldAsName(an, m)) return [{ answer: writtenAs(holderAnswer, m.text), features: [], via: holder }];
    const others = antecedents(an, ctx, i, m.body ? 'body' : 'person', null, previous).filter((r) => r.answer.key !== holderAnswer?.key);
    // Whether anyone of the kind was named before: a definite description in news mostly stands for someone named.
    const written: Reading = {
      answer: ctx.answer(i) as Answer,
      features: ['a:as_written', others.length || holderAnswer ? 'a:as_written|named_before' : 'a:as_written|none_before'],
      via: -1,
    };
    const held: Reading[] = holderAnswer ? [{ answer: writtenAs(holderAnswer, m.text), features: ['a:holds_role'], via: holder }] : [];
    // (Where someone named holds the role, "the company said" is that body: the description as written is no reading of
    // its own then.)
    return [...sourced, ...held, ...others.filter((r) => r.answer.key !== source?.key), ...(held.length ? [] : [written])];
  }
  const answer = ctx.answer(i);
  return answer ? [{ answer, features: [], via: i }] : [];
}

const bucket = (n: number, edges: number[]): string => {
  for (const e of edges) if (n <= e) return `${e}`;
  return `>${edges[edges.length - 1]}`;
};

/**
 * A definite description of one person ("the spokeswoman", "der Konzernchef"), not of a body ("the company": its holder
 * may be a person whose statement it is) nor of a group ("the doctors"): where someone named holds its role, it is
 * read as that name.
 */
function heldAsName(an: QuoteAnalysis, m: SpeakerMention): boolean {
  return m.kind === 'DESC' && m.definite && !m.body && !pluralRole((an.layout.words[m.last] as Word).lower);
}

/** A mention's kind and coarse kind; a description held as a name (heldAsName) reads as a name. */
function kindOf(an: QuoteAnalysis, m: SpeakerMention, held: boolean): [string, string] {
  if (m.kind === 'PRON') return [`pron:${m.pronoun}`, 'pron'];
  if (held && heldAsName(an, m)) return ['desc:held', 'name'];
  if (m.kind === 'DESC') return [`desc:${m.definite ? 'def' : 'indef'}:${m.body ? 'body' : 'person'}`, 'desc'];
  return [m.kind, 'name'];
}

/** Mentions read before a quote: the paragraph before it at most, and no more than this many words. */
const WINDOW_BEFORE = 150;
const WINDOW_AFTER = 80;

const firstMentionAtOrAfter = (mentions: SpeakerMention[], at: number) => firstIndexAfter(mentions, (m) => m.start < at);

/**
 * The speaker candidates of one quote, each with its features: the names, pronouns and descriptions of the quote's
 * sentence, its paragraph, the paragraph before and the first sentence after, and the previous quote's speaker.
 */
export function speakerCandidates(an: QuoteAnalysis, ctx: RankContext, quote: QuoteSpan, history: Attributed[]): QuoteCandidates {
  const { words, sentences, paragraphs } = an.layout;
  const [qFirst, qLast] = wordsIn(an, quote);
  const anchor = words[qFirst] ?? words[Math.max(0, qFirst - 1)];
  const qSentence = anchor?.sentence ?? 0;
  const qParagraph = anchor?.paragraph ?? 0;
  const sentence = sentences[qSentence];
  const previous = history.length ? (history[history.length - 1] as Attributed) : null;
  const prevAnswer = previous?.answer ?? null;

  const fromParagraph = an.paragraphFirstWord[Math.max(0, qParagraph - 1)] ?? 0;
  const fromWord = Math.max(fromParagraph === -1 ? 0 : fromParagraph, qFirst - WINDOW_BEFORE);
  let toWord = Math.min(words.length - 1, Math.max(qLast, qFirst) + WINDOW_AFTER);
  // After the quote: its own paragraph, and the first sentence of the next one.
  const nextParagraphFirst = an.paragraphFirstWord[qParagraph + 1];
  if (nextParagraphFirst !== undefined && nextParagraphFirst !== -1) {
    const firstSentence = (words[nextParagraphFirst] as Word).sentence;
    let k = nextParagraphFirst;
    while (k + 1 < words.length && (words[k + 1] as Word).sentence === firstSentence) k++;
    toWord = Math.min(toWord, k);
  }
  const from = (words[fromWord] as Word | undefined)?.start ?? 0;
  const to = (words[toWord] as Word | undefined)?.end ?? an.text.length;
  const firstAfter = firstMentionAtOrAfter(an.mentions, quote.end);
  const firstInside = firstMentionAtOrAfter(an.mentions, quote.start);

  // The quote's sentence on either side, as symbols once; each candidate in it is then written X in turn.
  const beforeParts = symbolParts(an, sentence?.start ?? 0, quote.start, 40, true);
  const afterParts = symbolParts(an, quote.end, Math.max(quote.end, sentence?.end ?? quote.end), 40);
  const beforeSymbolsFor = (i: number) => render(beforeParts, i);
  const afterSymbolsFor = (i: number) => render(afterParts, i);
  const narrativeBefore = beforeSymbolsFor(-1);
  const narrativeAfter = afterSymbolsFor(-1);
  const hasVerb = /[VLvA]/.test(narrativeBefore + narrativeAfter);
  // How the quote ends inside its marks (or with German's comma after them): "…," and "…." close an utterance that an attribution may follow; a fragment
  // that ends bare ("…state”, Rathke said the …") leaves the next clause its own.
  const inner = an.text.slice(Math.max(quote.start, quote.end - 3), quote.end - quote.close.length).trimEnd();
  const last = utteranceEnd(an, quote, inner.slice(-1));
  const quoteEnd = last === ',' ? 'end_comma' : /[.!?…]/.test(last) ? 'end_stop' : 'end_bare';
  const paragraph = paragraphs[qParagraph];
  const opensParagraph = !!paragraph && quote.start <= paragraph.start + 1;

  // The sentence before a quote that opens its paragraph or sentence, when it ends on a colon: it introduces the quote.
  let introSentence = -1;
  if (qSentence > 0 && (opensParagraph || sentence?.start === quote.start)) {
    const intro = sentences[qSentence - 1] as { start: number; end: number };
    if (/:\s*$/.test(an.text.slice(intro.start, intro.end))) introSentence = qSentence - 1;
  }
  const candidates: SpeakerCandidate[] = [];
  const slotKeys = new Set<string>();
  let slotMention: SpeakerMention | null = null;
  const matched: { mention: number; patterns: Set<string>; distance: number }[] = [];
  const nearest: Record<string, number> = {};
  const seenSide = (side: string, coarse: string) => {
    const key = `${side}${coarse}`;
    const r = nearest[key] ?? 0;
    nearest[key] = r + 1;
    return r;
  };
  // Nearest first on each side, so each candidate knows its rank among its kind.
  const order: number[] = [];
  for (let i = firstInside - 1; i >= 0 && (an.mentions[i] as SpeakerMention).start >= from; i--) order.push(i);
  for (let i = firstAfter; i < an.mentions.length && (an.mentions[i] as SpeakerMention).end <= to; i++) order.push(i);
  for (const i of order) {
    const m = an.mentions[i] as SpeakerMention;
    const options = readings(an, ctx, i, prevAnswer);
    if (!options.length) continue;
    const side = m.start < quote.start ? 'b' : 'a';
    const [kind, coarse] = ctx.kind(i);
    const f = [`k:${kind}`, `c:${coarse}`];
    const sd = Math.min(3, Math.abs(m.sentence - qSentence));
    const pd = m.paragraph - qParagraph;
    f.push(`sd:${side}${sd}`, `sd:${side}${sd}|${coarse}`, `pd:${pd === 0 ? 'same' : pd < 0 ? (pd === -1 ? 'prev' : 'far') : 'next'}`);
    const distance = side === 'b' ? qFirst - m.last - 1 : m.first - qLast - 1;
    f.push(`wd:${side}${bucket(Math.max(0, distance), [0, 1, 2, 4, 8, 16, 32])}`);
    const rank = seenSide(side, coarse);
    f.push(`near:${side}${Math.min(rank, 2)}|${coarse}`);
    const between = side === 'b' ? firstInside - i - 1 : i - firstAfter;
    f.push(`btw:${Math.min(between, 3)}`);
    // Another quotation stands between the mention and this one: its attribution is likely that quote's.
    const t = firstEndingAfter(an.top, side === 'b' ? m.end : quote.end);
    const other = an.top[t];
    if (other && other !== quote && (side === 'b' ? other.start < quote.start : other.end <= m.start)) f.push(`quote_between|${coarse}`);
    const local = an.local(i);
    const found = new Set<string>(local.map((n) => `local:${n}`));
    if (m.sentence === qSentence) {
      const symbols = side === 'a' ? afterSymbolsFor(i) : beforeSymbolsFor(i);
      const group = side === 'a' ? an.lex.patterns.after : an.lex.patterns.before;
      for (const name of matchPatterns(group, symbols)) {
        f.push(`p${side}:${name}|${coarse}`);
        if (side === 'a') f.push(`p${side}:${name}|${quoteEnd}`);
        found.add(`${side === 'a' ? 'after' : 'before'}:${name}`);
      }
    }
    // "Smith said:" closing the paragraph (or the sentence) before a quote that opens its own.
    if (introSentence !== -1 && m.sentence === introSentence) {
      const symbols = symbolsBetween(
        an,
        (sentences[introSentence] as { start: number }).start,
        (sentences[introSentence] as { end: number }).end,
        i,
        40,
        true,
      );
      for (const name of matchPatterns(an.lex.patterns.before, symbols)) {
        f.push(`pi:${name}|${coarse}`);
        found.add(`intro:${name}`);
      }
    }
    for (const name of local) f.push(`pl:${name}|${coarse}`);
    if (ctx.speaks(i)) f.push(`speaks|${coarse}`);
    if (m.possessive) f.push('possessive');
    if (m.entity) f.push(`sal:${bucket(m.entity.mentions.length, [1, 3, 8])}`);
    if (hasVerb) f.push(`sentence_has_verb|${side}${sd === 0 ? 'same' : 'other'}`);
    matched.push({ mention: i, patterns: found, distance: Math.max(0, distance) });
    for (const reading of options) {
      const g = [...f, ...reading.features.map((x) => `${coarse}:${x}`)];
      if (prevAnswer && prevAnswer.key === reading.answer.key) g.push('is_prev_speaker', `is_prev_speaker|${coarse}`);
      candidates.push({ mention: i, via: reading.via, features: g, answer: reading.answer });
    }
  }
  const n = Math.max(0, qLast - qFirst + 1);
  const none = ['none', `none:len${bucket(n, [3, 8])}`];
  if (hasVerb) none.push('none:verb');
  if (opensParagraph) none.push('none:opens_paragraph');
  if (!candidates.some((c) => c.mention !== -1 && (an.mentions[c.mention] as SpeakerMention).sentence === qSentence)) none.push('none:alone');
  // The attribution slot: the first slot rule some candidate matches, the nearest such candidate holding it.
  for (const rule of an.lex.slots) {
    if (rule.quoteEnds.length && !rule.quoteEnds.includes(quoteEnd)) continue;
    const holders = matched.filter((x) => rule.patterns.some((p) => x.patterns.has(p))).sort((a, b) => a.distance - b.distance);
    const holder = holders[0];
    if (!holder) continue;
    for (const c of candidates) {
      if (c.mention !== holder.mention) continue;
      const coarse = ctx.kind(c.mention)[1];
      c.features.push('slot', `slot:${rule.name}`, `slot|${coarse}`);
      slotKeys.add(c.answer.key);
    }
    slotMention = an.mentions[holder.mention] ?? null;
    none.push('none:slot_taken');
    break;
  }
  /** How the quote's own attribution bears on a previous speaker: the same one, another one, or a pronoun of the other gender. */
  const againstSlot = (answer: Answer, prefix: string): string[] => {
    if (!slotMention) return [`${prefix}:no_slot`];
    // A name in the slot says who spoke; a pronoun or description only offers readings.
    const named = slotMention.kind !== 'PRON' && slotMention.kind !== 'DESC';
    if (slotKeys.has(answer.key)) return [named ? `${prefix}:slot_same` : `${prefix}:slot_reading|${slotMention.kind}`];
    const gender = answer.entityId ? ctx.entityGender.get(answer.entityId) : undefined;
    const wanted = slotMention.pronoun === 'he' ? 'male' : slotMention.pronoun === 'she' ? 'female' : undefined;
    if (gender && wanted && gender !== wanted) return [`${prefix}:slot_other`, `${prefix}:slot_gender_clash`];
    return [`${prefix}:slot_other`];
  };
  // (The previous quote's first word and the narrative between the two, read by both of its candidates: found once.)
  const prevWord = previous && prevAnswer ? words[wordsIn(an, previous.quote)[0]] : undefined;
  let prevGap: string | null = null;
  const gapSincePrevious = () => (prevGap ??= symbolsBetween(an, (previous as Attributed).quote.end, quote.start, -1, 60));
  if (previous && prevAnswer) {
    const f = ['k:prev'];
    const rel =
      prevWord?.sentence === qSentence
        ? 'sentence'
        : prevWord?.paragraph === qParagraph
          ? 'paragraph'
          : prevWord && prevWord.paragraph === qParagraph - 1
            ? 'prev_paragraph'
            : 'far';
    f.push(`prev:${rel}`);
    if (quote.continuesPrevious) f.push('prev:continued');
    const gap = gapSincePrevious();
    const gapWords = gap.replace(/[^A-Za-z]/g, '').length;
    f.push(`prev:gap:${bucket(gapWords, [0, 2, 5, 10, 20])}`);
    if (/[NOR]/.test(gap)) f.push('prev:gap_names');
    if (/p/.test(gap)) f.push('prev:gap_pronoun');
    if (/[VLvA]/.test(gap)) f.push('prev:gap_verb');
    if (hasVerb) f.push('prev:own_verb');
    if (opensParagraph) f.push('prev:opens_paragraph');
    f.push(`prev:${rel}|gap${bucket(gapWords, [0, 5])}`);
    f.push(...againstSlot(prevAnswer, 'prev'));
    candidates.push({ mention: -1, via: -2, features: f, answer: writtenAs(prevAnswer, prevAnswer.written) });
  }
  // The speaker before the previous one, when they differ: turns in a dialogue or an interview alternate.
  let before: Attributed | undefined;
  for (let h = history.length - 2; h >= 0 && h >= history.length - 8 && !before; h--) {
    const answer = (history[h] as Attributed).answer;
    if (answer && prevAnswer && answer.key !== prevAnswer.key) before = history[h];
  }
  if (previous && prevAnswer && before?.answer) {
    const f = ['k:prev2'];
    const gap = gapSincePrevious();
    if (quote.continuesPrevious) f.push('prev2:continued');
    if (!/[A-Za-z]/.test(gap)) f.push('prev2:adjacent');
    if (/[NORp]/.test(gap)) f.push('prev2:gap_mentions');
    if (/[VLvA]/.test(gap) || hasVerb) f.push('prev2:verb');
    if (opensParagraph) f.push('prev2:opens_paragraph');
    f.push(prevWord && prevWord.paragraph === qParagraph - 1 ? 'prev2:previous_paragraph' : 'prev2:other');
    f.push(...againstSlot(before.answer, 'prev2'));
    candidates.push({ mention: -1, via: -3, features: f, answer: writtenAs(before.answer, before.answer.written) });
  }
  return { candidates, none };
}

/** Where a mention index sits among the words: for tests and tools. */
export function mentionAt(an: QuoteAnalysis, offset: number): number {
  const k = lastAtOrBefore(an.layout.words, offset);
  return k === -1 ? -1 : (an.mentionOfWord[k] as number);
}
