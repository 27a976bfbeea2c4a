// German: the text conventions, the speech lexicon and its attribution patterns, and the shipped German name model on
// the held-out slice of its corpora. Every sentence here is made up for the test (names included).
import { describe, expect, test } from 'vitest';
import type { Entity, EntityType } from '../../lib/analyze';
import { tokenize } from '../../lib/entities';
import { nerModel, nerResources } from '../../lib/entities/model';
import { findQuoteSpans, findQuotes, SPEECH_LANGUAGES, speechLexicon } from '../../lib/quotes';
import { dotEndsNoSentence, TEXT_LANGUAGES, textConventions } from '../../lib/text';
import { readManifest, readSplit } from '../../scripts/ner/corpus';
import { f1, scoreCorpus } from '../../scripts/ner/score';

const words = (text: string, language: string) => tokenize(text, language).map((t) => t.text);
const sentencesOf = (text: string, language: string) => {
  const out: string[][] = [];
  for (const t of tokenize(text, language)) {
    const sentence = out[t.sentence] ?? [];
    sentence.push(t.text);
    out[t.sentence] = sentence;
  }
  return out.map((s) => s.join(' '));
};

describe('text conventions per language (lib/text)', () => {
  test('German keeps hyphenated compounds, a date’s ordinal and dotted abbreviations whole, as its corpora do', () => {
    expect(words('Der SPD-Chef kam am 3. Oktober, z.B. mit Dr. Weber.', 'de')).toEqual([
      'Der',
      'SPD-Chef',
      'kam',
      'am',
      '3.',
      'Oktober',
      ',',
      'z.B.',
      'mit',
      'Dr.',
      'Weber',
      '.',
    ]);
  });

  test('English splits hyphens and clitics as before', () => {
    expect(words("Al-Qaeda's chief didn't go.", 'en')).toEqual(['Al', '-', 'Qaeda', "'s", 'chief', 'did', "n't", 'go', '.']);
  });

  test('sentences: an abbreviation or a date’s dot ends none; a German closing mark stays with its sentence', () => {
    expect(sentencesOf('Am 3. Oktober sprach Prof. Lange. „Wir gehen.“ Dann ging sie.', 'de')).toEqual([
      'Am 3. Oktober sprach Prof. Lange .',
      '„ Wir gehen . “',
      'Dann ging sie .',
    ]);
    expect(dotEndsNoSentence('Das gilt z.B. hier', 11, 'de')).toBe(true);
    expect(dotEndsNoSentence('Das gilt bzw. hier', 12, 'de')).toBe(true);
    expect(dotEndsNoSentence('Das gilt hier. Dort', 13, 'de')).toBe(false);
  });

  test('each language’s data is lowercase, trimmed and free of empty entries; an unknown language reads as English', () => {
    for (const language of TEXT_LANGUAGES) {
      const c = textConventions(language);
      for (const list of [c.abbreviations, c.dottedAbbreviations, c.nameParticles])
        for (const w of list.split('|')) expect(w).toMatch(/^[\p{Ll}\p{Lo}.]+$/u);
    }
    expect(textConventions('xx').language).toBe('en');
  });
});

describe('speech lexicons per language', () => {
  test.each(SPEECH_LANGUAGES)('%s: word lists lowercase and trimmed, patterns and slots present', (language) => {
    const lex = speechLexicon(language);
    for (const set of [lex.speechVerbs, lex.strongSpeechVerbs, lex.listenerVerbs, lex.personRoles, lex.bodyRoles, lex.functionWords])
      for (const w of set) expect(w, language).toMatch(/^[\p{Ll}\p{N}'’.-]+$/u);
    expect(lex.patterns.after.length).toBeGreaterThan(0);
    expect(lex.slots.length).toBeGreaterThan(0);
  });

  test('German quotation marks: „…“, »…« and ‚…‘ pair up', () => {
    const text = 'Er sagte: „Wir kommen.“ Sie schrieb: »Nicht heute.« Er nannte es ‚unklug‘.';
    expect(findQuoteSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['„Wir kommen.“', '»Nicht heute.«', '‚unklug‘']);
  });

  // The names are given, so these test the lexicon's verbs and patterns, not the name model.
  const person = (text: string, name: string): Entity => {
    const start = text.indexOf(name);
    return { id: 'e1', name, type: 'PER' as EntityType, mentions: [{ start, end: start + name.length, text: name }], variants: [name], titles: [] };
  };
  test.each([
    ['„Das ist ein guter Tag“, sagte Jana Keller am Montag.', 'Jana Keller'],
    ['„Das ist ein guter Tag“, so Jana Keller.', 'Jana Keller'],
    ['Jana Keller sagte: „Das ist ein guter Tag.“', 'Jana Keller'],
    ['„Das ist ein guter Tag“, erklärte Jana Keller, die Vorsitzende des Vereins.', 'Jana Keller'],
    ['Laut Jana Keller war es „ein guter Tag für alle“.', 'Jana Keller'],
    ['Jana Keller zufolge war es „ein guter Tag für alle“.', 'Jana Keller'],
  ])('%s → %s', (text, speaker) => {
    const quotes = findQuotes(text, [person(text, speaker)], { language: 'de' });
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.speaker).toBe(speaker);
  });
});

describe('the shipped German name model on its held-out slice (GermEval 2014 dev, exact typed spans)', () => {
  // GermEval dev chose the settings and was never trained on; a floor a few points under the last training run's figure
  // (README, "Names in German"): a broken feature, tokeniser, resource file or model falls far below it.
  test('F1 at least 0.60', () => {
    const sentences = readSplit('germeval', 'dev', readManifest('de'), { misc: 'mask' });
    expect(sentences.length).toBeGreaterThan(2000);
    const counts = scoreCorpus(sentences, nerModel('de'), nerResources('de')).get('germeval');
    expect(counts).toBeDefined();
    expect(f1(counts as NonNullable<typeof counts>).f1).toBeGreaterThanOrEqual(0.6);
  }, 60_000);
});
