import type { Entity, Span } from '../analyze/types';
import { dotEndsNoSentence, genderOf } from '../entities';

export interface Speaker {
  name: string;
  written: string;
  entityId: string | null;
}

interface Located {
  start: number;
  end: number;
  entity: Entity;
}

const VERB =
  'said|says|say|told|tells|added|adds|noted|notes|warned|warns|stated|explained|explains|argued|argues|claimed|claims|insisted|insists|asked|asks|replied|declared|announced|confirmed|denied|stressed|urged|wrote|writes|tweeted|commented|remarked|continued|recalled|admitted|acknowledged|suggested|observed|concluded|maintained|reiterated|emphasi[sz]ed|alleged|predicted|promised|vowed|responded|answered|believes|thinks|saying|adding|noting|warning|explaining|insisting|declaring|proclaimed|proclaiming|announcing|telling';
const VERB_RE = new RegExp(`\\b(${VERB})\\b`, 'gi');
const SPEECH_NOUN =
  /['’]s\s+(?:\w+\s+)?(comments?|statement|remarks?|words|views?|claims?|assertion|testimony|message|warning|speech|address|argument|position|tweet|post|letter)\s+(that\b|[:,]?\s*$)/i;
// (Latin letters and no "u" flag in the case-insensitive patterns here: each case-insensitive Unicode regex costs about
// 0.6 ms to build at cold start, and the stage reads English.)
const DESCRIPTOR =
  /^(?:the|a|an|one|another)\s+((?:[A-Za-z\u00C0-\u024F0-9-]+\s+){0,4}?)(official|spokesman|spokeswoman|spokesperson|minister|president|general|chief|director|secretary|diplomat|envoy|ambassador|leader|commander|officer|source|expert|analyst|researcher|scientist|doctor|lawyer|judge|senator|governor|mayor|premier|professor|author|chairman|head|man|woman|witness|resident|neighbou?r|student|teacher|worker|activist|protester|survivor|relative|colleague|member|employee|nurse|farmer|owner|fan|voter|soldier|team|ministry|department|office|agency|company|group|government|army|police|report)\b/i;
const PRONOUN = /^(he|she|they|we|i)\b/i;
// Capitals and letters of the Latin script, for the patterns below (see above: no Unicode classes).
const UPPER = 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE\\u0100-\\u024F';
const LETTER = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F';
/** Up to four capitalised words: a name as written. */
const CAPITALISED_WORDS = `[${UPPER}][${LETTER}'’.-]*(?:\\s+[${UPPER}][${LETTER}'’.-]*){0,3}`;
const LEADING_NAME = new RegExp(`^(${CAPITALISED_WORDS})`);
const WHOLE_NAME = new RegExp(`^${CAPITALISED_WORDS}$`);
const ANY_LETTER = new RegExp(`[${LETTER}]`);
// "The minister, who declined to be named, said", "Smith, 42, said": the subject before an aside set off by commas.
const SUBJECT_BEFORE_ASIDE = new RegExp(`^\\s*(.+?),[^,]{1,80},\\s*(?:[${LETTER}]+\\s+)?$`, 's');
// What follows a quote: "said X", "X said", "X, a long aside, said", and a clause that goes on to introduce the next quote.
const SAID_FIRST = new RegExp(`^\\s*[,.]?\\s*(?:\u2063*\\s*)?(?:\\b(?:${VERB})\\b)`, 'i');
const NAME_FIRST = new RegExp(`^\\s*[,.]?\\s*(.{1,60}?)\\s+(?:${VERB})\\b`, 'i');
const ASIDE_FIRST = new RegExp(`^(\\s*[,.]?\\s*)[${UPPER}][^,\\u2063]{1,40}(?=,[^,\\u2063]{1,120},\\s+(?:${VERB})\\b)`);
const VERB_BEFORE_NEXT = new RegExp(`\\b(${VERB})\\b[^\\u2063]{0,40}$`, 'i');
// "And an overwhelming 70 percent …": a capitalised word that opens a sentence is no speaker's name.
const FUNCTION_WORD =
  /^(and|but|or|so|yet|the|a|an|in|on|at|it|its|this|that|these|those|there|then|when|while|if|as|for|with|by|from|to|of|after|before|some|many|most|all|both|each|every|no|not|one|another|here|now|also)$/i;
const COLLECTIVE =
  /^\s*((?:local\s+|federal\s+|state\s+)?(?:police|officials|witnesses|residents|doctors|experts|analysts|investigators|authorities|prosecutors|researchers|scientists|critics|officers|protesters|organi[sz]ers|lawmakers|diplomats))\s+(?:[A-Za-z\u00C0-\u024F]+\s+)?$/i;

/** A speaker known only by the words the text gives ("the US official", "Police"), with no entity behind them. */
function asWritten(written: string): Speaker {
  return { name: written, written, entityId: null };
}

/** Quote spans blanked out, so clause searches never read quoted words as the narrative's. */
function mask(text: string, spans: Span[]): string {
  // One pass over the spans in order (rebuilding the string per span was quadratic on long articles).
  const parts: string[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(at, s.start);
    if (s.end <= start) continue;
    parts.push(text.slice(at, start), '\u2063'.repeat(s.end - start));
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** No sentence runs longer: the searches stop there, so a text of one endless line stays linear. */
const MAX_SENTENCE = 1000;

function sentenceStartBefore(masked: string, at: number): number {
  const limit = Math.max(0, at - MAX_SENTENCE);
  for (let i = at - 1; i > limit; i--) {
    const ch = masked[i];
    if (ch === '\n') return i + 1;
    if (
      (ch === '.' || ch === '!' || ch === '?') &&
      /\s/.test(masked[i + 1] ?? '') &&
      !/\b(Mr|Mrs|Ms|Dr|Gen|St|Lt|Col|Sen|Rep|Gov|[A-Z])$/.test(masked.slice(Math.max(0, i - 4), i))
    )
      return i + 1;
  }
  return limit;
}

function sentenceEndAfter(masked: string, at: number): number {
  const limit = Math.min(masked.length, at + MAX_SENTENCE);
  for (let i = at; i < limit; i++) {
    const ch = masked[i];
    if (ch === '\n' || ch === '\u2063') return i;
    // ("said Mr. Reeves", "said C. Eugene Steuerle": the dot of a title or an initial ends no sentence.)
    if (ch === '.' && dotEndsNoSentence(masked, i)) continue;
    if ((ch === '.' || ch === '!' || ch === '?') && (/\s/.test(masked[i + 1] ?? ' ') || i + 1 >= masked.length)) return i;
  }
  return limit;
}

/** The first of `sorted` (by start) starting at or after `at`. */
function firstFrom(sorted: Located[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as Located).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * For mentions in text order: a look-up of the latest one (by start) among those that end by a position, as a scan
 * back from the text's end would find it, in a binary search.
 */
function latestEndingBy(inOrder: Located[]): (at: number) => Located | undefined {
  const byEnd = inOrder.map((l, order) => ({ l, order })).sort((a, b) => a.l.end - b.l.end);
  // best[i]: of byEnd[0..i], the one latest in text order
  const best: Located[] = [];
  let top = -1;
  for (const [i, { l, order }] of byEnd.entries()) {
    if (order > top) top = order;
    best[i] = order === top ? l : (best[i - 1] as Located);
  }
  return (at) => {
    let lo = 0;
    let hi = byEnd.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((byEnd[mid] as { l: Located }).l.end <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo ? best[lo - 1] : undefined;
  };
}

/** Assigns each quote a speaker from the patterns around it, resolving descriptions and pronouns to named people. */
export function attributeSpeakers(text: string, spans: Span[], entities: Entity[]): (Speaker | null)[] {
  const masked = mask(text, spans);
  const located: Located[] = entities
    .flatMap((entity) => entity.mentions.map((m) => ({ start: m.start, end: m.end, entity })))
    .filter((l) => l.entity.type === 'PER' || l.entity.type === 'ORG')
    .sort((a, b) => a.start - b.start);
  const speakers: (Speaker | null)[] = [];
  let lastSpeaker: Speaker | null = null;
  let lastEnd = -1;

  const named = (l: Located, written?: string): Speaker => ({
    name: l.entity.name,
    written: written ?? text.slice(l.start, l.end),
    entityId: l.entity.id,
  });
  // Mentions are indexed by position once, so each look-up below costs a binary search and a sentence's worth of
  // mentions, never a scan of the whole text's (which made long texts quadratic: every speech verb rescanned them all).
  const within = (from: number, to: number): Located[] => {
    const out: Located[] = [];
    for (let k = firstFrom(located, Math.max(0, from)); k < located.length && (located[k] as Located).start < to; k++)
      if ((located[k] as Located).end <= to) out.push(located[k] as Located);
    return out;
  };
  const persons = latestEndingBy(located.filter((l) => l.entity.type === 'PER' && masked[l.start] !== '\u2063'));
  const lastPersonBefore = (at: number): Located | undefined => persons(at);
  const titledBy = new Map<string, (at: number) => Located | undefined>();
  const lastTitledBefore = (role: string, at: number): Located | undefined => {
    let find = titledBy.get(role);
    if (!find) {
      find = latestEndingBy(located.filter((l) => l.entity.titles.some((t) => t.toLowerCase() === role)));
      titledBy.set(role, find);
    }
    return find(at);
  };
  // People who speak in the narrative ("Rathke said the United States…"): a later "he" or "the official" is likely them.
  const narrativeSpeakers: { at: number; located: Located }[] = [];
  for (const m of masked.matchAll(VERB_RE)) {
    const at = m.index ?? 0;
    const person = lastPersonBefore(at);
    if (person && at - person.end <= 40 && !/[.!?\n\u2063]/.test(masked.slice(person.end, at))) narrativeSpeakers.push({ at, located: person });
  }
  /** The latest narrative speaker before `at` (they are in text order). */
  const narrativeBefore = (at: number) => {
    let lo = 0;
    let hi = narrativeSpeakers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((narrativeSpeakers[mid] as { at: number }).at < at) lo = mid + 1;
      else hi = mid;
    }
    return narrativeSpeakers[lo - 1];
  };
  let lastSpeakerAt = -1;
  /** Where the sentence before the one starting at `start` starts: scanned from its last character, not the gap after it. */
  const sentenceBefore = (start: number): number => {
    let end = start;
    while (end > 0 && /\s/.test(masked[end - 1] ?? '')) end--;
    return sentenceStartBefore(masked, Math.max(0, end - 1));
  };
  const genderFits = (l: Located, pronoun: string): boolean => {
    const p = pronoun.toLowerCase();
    if (l.entity.type !== 'PER') return p === 'they' || p === 'it';
    if (p !== 'he' && p !== 'she') return true;
    const gender = genderOf(l.entity.name.split(/\s+/)[0] ?? '');
    return !gender || gender === (p === 'he' ? 'male' : 'female');
  };
  /** "he said": a fitting person named earlier in the same sentence, else the first one of the sentence before. */
  const resolvePronoun = (pronoun: string, at: number): Speaker | null => {
    if (!/^(he|she)$/i.test(pronoun)) return null;
    const start = sentenceStartBefore(masked, at);
    const sameSentence = within(start, at)
      .reverse()
      .find((l) => masked[l.start] !== '\u2063' && genderFits(l, pronoun));
    if (sameSentence) return named(sameSentence, pronoun);
    if (start <= 0) return null;
    const previousStart = sentenceBefore(start);
    const previous = within(previousStart, start).find((l) => masked[l.start] !== '\u2063' && l.entity.type === 'PER');
    return previous && genderFits(previous, pronoun) ? named(previous, pronoun) : null;
  };
  /** "they said": the body named last in this sentence or the one before; never a person, and no one when there is none. */
  const resolveGroup = (at: number): Speaker | null => {
    const start = sentenceStartBefore(masked, at);
    const from = start > 0 ? sentenceBefore(start) : 0;
    const body = within(from, at)
      .reverse()
      .find((l) => l.entity.type === 'ORG' && masked[l.start] !== '\u2063');
    return body ? named(body, 'they') : null;
  };
  /** "the US official", "he": the latest person who spoke, in a quote or in the narrative, else the last person named. */
  const resolve = (written: string, at: number): Speaker | null => {
    if (/^(they|we)$/i.test(written)) return resolveGroup(at);
    // "said I": the writer, no one named in the text.
    if (/^i$/i.test(written)) return asWritten('I');
    const byPronoun = resolvePronoun(written, at);
    if (byPronoun) return byPronoun;
    const role = DESCRIPTOR.exec(written)?.[2]?.toLowerCase();
    // "a witness", "an official": an indefinite description brings in someone new, not anyone named before.
    if (role && /^(an?|one|another)\s/i.test(written)) return asWritten(written);
    // "the expert warned" after "said one legal expert": the same unnamed speaker again.
    if (role && lastSpeaker && !lastSpeaker.entityId && DESCRIPTOR.exec(lastSpeaker.written)?.[2]?.toLowerCase() === role)
      return { ...lastSpeaker, written };
    if (role) {
      const titled = lastTitledBefore(role, at);
      if (titled) return named(titled, written);
      // A body, a report, or a source (whom the writer keeps unnamed by definition) is no person named before.
      if (/^(ministry|department|office|agency|company|group|government|army|police|report|team|source)$/.test(role)) return asWritten(written);
    }
    const narrative = narrativeBefore(at);
    if (narrative && narrative.at > lastSpeakerAt) return named(narrative.located, written);
    if (lastSpeaker?.entityId) return { ...lastSpeaker, written };
    const person = lastPersonBefore(at);
    return person ? named(person, written) : asWritten(written);
  };
  /** The speaker phrase starting at `from` (after "said"): a name, a pronoun, a description, in that order. */
  const speakerAt = (from: number, to: number): Speaker | null => {
    const clause = masked.slice(from, to);
    const lead = clause.match(/^\s*/)?.[0].length ?? 0;
    const inClause = within(from, to);
    const phrase = clause.slice(lead);
    const first = inClause[0];
    // "said Hamas spokesman Hazem Qassem": a body, its role noun, then the person speaking for it.
    const spokesperson = first && first.entity.type !== 'PER' ? inClause[1] : undefined;
    // (Also "according to RedMonk's Stephens", and "in the words of the Crown prosecutor, Mark Tedeschi".)
    if (
      spokesperson?.entity.type === 'PER' &&
      /^(\s+[a-z\u00DF-\u00F6\u00F8-\u00FF\s-]{2,40},?|['’]s)\s+$/.test(masked.slice(first?.end, spokesperson.start))
    )
      return named(spokesperson);
    if (first && /^(the\s+)?$/i.test(masked.slice(from + lead, first.start))) return named(first);
    const pronoun = PRONOUN.exec(phrase);
    if (pronoun) return resolve(pronoun[0], from);
    const person = inClause.find((l) => l.entity.type === 'PER');
    if (person) return named(person);
    const descriptor = DESCRIPTOR.exec(phrase);
    if (descriptor) return resolve(descriptor[0], from);
    // A name the recogniser did not keep ("attributed to Einstein", "said Mar Hicks, a historian at …"): the capitalised
    // words as written, when they come before any body or place the clause names.
    const written = LEADING_NAME.exec(phrase)?.[1];
    const asName = written && !FUNCTION_WORD.test(written.split(/\s+/)[0] ?? '') ? asWritten(written) : null;
    if (asName && (!first || first.start >= from + lead + (written?.length ?? 0))) return asName;
    return first ? named(first) : asName;
  };
  /** The subject of the last speech verb in a clause: "Rathke, however, said that", "He noted that". */
  const subjectOf = (from: number, to: number): Speaker | null => {
    const clause = masked.slice(from, to);
    let verbAt = -1;
    for (const m of clause.matchAll(VERB_RE)) verbAt = from + (m.index ?? 0);
    if (verbAt === -1) return null;
    // The nearest name before the verb, unless it sits in a phrase about a person named just before it
    // ("Mu Li, of the University of NSW, said"): then the person.
    const before = within(from, verbAt).reverse();
    const nearest = before[0];
    // (An aside may run long: "Ian Hamilton, an expert in … at the University of York who did not work on the study, told".)
    // ("Nick of Arachnid Labs says": "of" ties the body to the person too.)
    const person = before.find((l) => l.entity.type === 'PER' && verbAt - l.end <= 200 && /^(,|\s+of\s)/.test(masked.slice(l.end, l.end + 4)));
    const name = nearest && nearest.entity.type !== 'PER' && person ? person : nearest;
    const between = name ? masked.slice(name.end, verbAt) : masked.slice(from, verbAt);
    const pronounMatch = /\b(he|she|they)\s+(?:\w+\s+)?$/i.exec(masked.slice(from, verbAt));
    if (pronounMatch && (!name || name.end <= from + (pronounMatch.index ?? 0)))
      return resolve(pronounMatch[1] as string, from + (pronounMatch.index ?? 0));
    if (name && between.length < (name === nearest ? 60 : 210)) return named(name);
    const descriptor = /\b(the|a|an)\s+[A-Za-z\u00C0-\u024F0-9\s-]{0,40}$/i.exec(masked.slice(from, verbAt));
    if (descriptor && DESCRIPTOR.test(descriptor[0])) return resolve(descriptor[0].trim(), verbAt);
    if (name) return named(name);
    const subject = SUBJECT_BEFORE_ASIDE.exec(masked.slice(from, verbAt))?.[1]?.trim();
    if (subject && DESCRIPTOR.test(subject)) return resolve(subject, verbAt);
    if (subject && WHOLE_NAME.test(subject)) return asWritten(subject);
    // "Police said", "Officials say": a body of people named by what they are.
    const body = COLLECTIVE.exec(masked.slice(from, verbAt))?.[1];
    if (body) return asWritten(body);
    // No name: the speaker is the noun phrase as written ("The report's authors say"), unless the verb is an infinitive
    // ("… across the president's face as if to say").
    if (/\bto\s+$/.test(masked.slice(from, verbAt))) return null;
    const phrase = /(?:^|[,;]\s*|\b)((?:the|a|an|its|their|his|her|our)\s+[A-Za-z\u00C0-\u024F'’-]+(?:\s+[A-Za-z\u00C0-\u024F'’-]+){0,4})\s+$/i.exec(
      masked.slice(from, verbAt),
    );
    // ("An abuser would have said": the helping verbs are no part of who speaks.)
    const who = phrase?.[1]?.replace(/(\s+(would|will|could|might|may|must|should|has|have|had|did|does|do))+$/i, '');
    return who ? asWritten(who) : null;
  };

  spans.forEach((span, i) => {
    let sentenceStart = sentenceStartBefore(masked, span.start);
    // A quote opening a paragraph after "… tweeted using his account:" belongs to the sentence before the colon.
    if (sentenceStart === span.start && /[:—–]\s*$/.test(masked.slice(Math.max(0, span.start - 4), span.start))) {
      sentenceStart = sentenceStartBefore(masked, masked.slice(0, span.start).trimEnd().length - 1);
    }
    const before = masked.slice(sentenceStart, span.start);
    const afterEnd = sentenceEndAfter(masked, span.end);
    const after = masked.slice(span.end, afterEnd);
    let speaker: Speaker | null = null;

    // X's comments that … “quote”
    const possessive = SPEECH_NOUN.exec(before);
    if (possessive) {
      const at = sentenceStart + possessive.index;
      const owner = within(at - MAX_SENTENCE, at)
        .reverse()
        .find((l) => l.end === at || l.end === at - 1);
      if (owner) speaker = named(owner);
    }
    // “quote,” said X / “quote,” X said, unless that clause goes on to introduce the next quote ("X said, “…”").
    // (A quote cut by its own attribution, “We came,” she said, “to win.”, ends on a comma and keeps it.)
    const endsSentence = /[.!?…]\s*["”»'’]?$/.test(text.slice(span.start, span.end));
    const introducesNext = endsSentence && masked[afterEnd] === '\u2063' && /[,:]?\s*$/.test(after) && VERB_BEFORE_NEXT.test(after);
    if (!speaker && !introducesNext) {
      const m = SAID_FIRST.exec(after);
      if (m) speaker = speakerAt(span.end + m[0].length, afterEnd);
      else {
        const nameFirst = NAME_FIRST.exec(after);
        // "Steve Clarke, deputy associate administrator for exploration at NASA, said": a name, a long aside, the verb.
        const asideFirst = nameFirst ? null : ASIDE_FIRST.exec(after);
        if (nameFirst) speaker = speakerAt(span.end + (nameFirst[0].length - nameFirst[0].trimStart().length), span.end + nameFirst[0].length);
        else if (asideFirst) speaker = speakerAt(span.end + (asideFirst[1] ?? '').length, span.end + asideFirst[0].length);
      }
    }
    // in the words of X, “quote” / a quote attributed to X — “quote”
    if (!speaker) {
      const source = /\b(?:according to|in the words of|attributed to|quoting)\s+/gi;
      let last: RegExpExecArray | null = null;
      for (let m = source.exec(before); m; m = source.exec(before)) last = m;
      if (last) speaker = speakerAt(sentenceStart + last.index + last[0].length, span.start);
    }
    // X said (that) … “quote” / “quote,” according to X / X: “quote”
    if (!speaker) speaker = subjectOf(sentenceStart, span.start);
    if (!speaker) {
      const according = /^\s*,?\s*according\s+to\s+/i.exec(after);
      if (according) speaker = speakerAt(span.end + according[0].length, afterEnd);
    }
    if (!speaker && /:\s*$/.test(before)) {
      const owner = within(sentenceStart, span.start).reverse()[0];
      if (owner) speaker = named(owner);
    }
    // A quote right after another, with nothing said in between, continues it.
    // (Words on the same line may come between, "“A.” Then he left. “B.”"; a new paragraph with words may not.)
    if (!speaker && lastSpeaker && i > 0) {
      const gap = masked.slice(lastEnd, span.start);
      if (!ANY_LETTER.test(gap) || !gap.includes('\n')) speaker = { ...lastSpeaker };
    }
    speakers.push(speaker);
    if (speaker) {
      lastSpeaker = speaker;
      lastSpeakerAt = span.start;
    }
    lastEnd = span.end;
  });
  return speakers;
}
