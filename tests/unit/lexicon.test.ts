import { expect, test } from 'vitest';
import * as lexicon from '../../lib/entities/lexicon';

// The lists load with a bare split (see lexicon.ts), so every entry must already be lowercase and trimmed.
test.each(Object.entries(lexicon).filter(([, value]) => value instanceof Set) as [string, Set<string>][])(
  '%s holds lowercase, trimmed, non-empty words',
  (_name, words) => {
    const bad = [...words].filter((w) => !w || w !== w.trim() || w !== w.toLowerCase());
    expect(bad).toEqual([]);
  },
);
