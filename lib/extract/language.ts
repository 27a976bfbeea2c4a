/** The article's language: from the text (common words and scripts), with the page's declared language as a tie-breaker. */

const STOPWORDS: Record<string, string> = {
  en: 'the of and to in is that for it was on with as by at from his her they have this which are be said not but',
  de: 'der die und das ist nicht mit sich des auf für ein eine dem den von zu im auch wird sind bei nach wie',
  fr: 'le la les des est une dans pour que qui sur pas par sont avec ce il elle du au aux mais ont été',
  es: 'el la los las del que una por con para es se su al lo como más pero sus le ha fue este entre',
  it: 'il la che di per una sono non del della con si le nel alla anche gli ha dei come più questo',
  nl: 'de het een van en is dat op te niet met zijn voor die ook als er aan bij werd door maar worden',
  pt: 'de que não uma os do da em para com por mais as dos das foi mas ao pelo ele sua seu também',
  pl: 'się nie na jest że do to jak po za od ale tak czy przez już są tym było także który może',
  sv: 'och att det som en på är av för med till den inte har om var de ett men ska också',
  da: 'og det at en den til er som på de med af for ikke der var et har han sig om',
  no: 'og det er som på en av til ikke for med har de den at var et jeg men også',
  cs: 'se na je že to v do jako pro by ale jsou jeho také už byl bylo které když',
  tr: 've bir bu da de için ile olarak çok daha olan gibi ama en sonra kadar ise',
};

const STOPWORD_SETS = Object.fromEntries(Object.entries(STOPWORDS).map(([lang, words]) => [lang, new Set(words.split(' '))]));

let functionWords: Set<string> | undefined;
/** The common words of every language above in one set: running prose is full of them, menus and labels are not. */
export function isFunctionWord(word: string): boolean {
  functionWords ??= new Set(Object.values(STOPWORDS).flatMap((words) => words.split(' ')));
  return functionWords.has(word);
}

const SCRIPTS: [string, RegExp][] = [
  ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ['ko', /\p{Script=Hangul}/gu],
  ['zh', /\p{Script=Han}/gu],
  ['ru', /\p{Script=Cyrillic}/gu],
  ['ar', /\p{Script=Arabic}/gu],
  ['he', /\p{Script=Hebrew}/gu],
  ['el', /\p{Script=Greek}/gu],
  ['th', /\p{Script=Thai}/gu],
  ['hi', /\p{Script=Devanagari}/gu],
];

/** "en-GB" → "en"; "de_DE" → "de". */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = /^([a-z]{2,3})(?=$|[-_])/i.exec((tag ?? '').trim());
  return m ? (m[1] as string).toLowerCase() : null;
}

export function detectLanguage(text: string, declared: string | null = null): string | null {
  const sample = text.slice(0, 5000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 20) return primaryLanguage(declared);
  for (const [lang, pattern] of SCRIPTS) {
    if ((sample.match(pattern)?.length ?? 0) / letters > 0.3)
      return lang === 'zh' && /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(sample) ? 'ja' : lang;
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const counts: Record<string, number> = {};
  const sets = Object.entries(STOPWORD_SETS);
  for (const w of words) for (const [lang, set] of sets) if (set.has(w)) counts[lang] = (counts[lang] ?? 0) + 1;
  const ranked = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  const stated = primaryLanguage(declared);
  if (!best || best[1] < 3) return stated;
  // A declared language close to the best guess wins (Danish and Norwegian share most common words).
  if (stated && counts[stated] !== undefined && (counts[stated] as number) >= best[1] * 0.8) return stated;
  return !second || best[1] >= second[1] * 1.3 ? best[0] : (stated ?? best[0]);
}
