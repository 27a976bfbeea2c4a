import type { LexiconData } from '../lib/entities/languages';

export function readNerLexicon(language: string): LexiconData | null;
