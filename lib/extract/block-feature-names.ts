/** The names of the features block-features.ts computes, kept apart so the page's bundle does not carry them. */
import { ANCESTOR_TAGS, HOLDER_TAGS, NEIGHBOUR_OFFSETS } from './block-features';

let names: string[] | undefined;
/** The dense features' names, in row order (for the training script's report and the tests; the page needs none). */
export function featureNames(): string[] {
  names ??= [
    ...'chars words linkDensity links timeShare endsSentence sentences startsUpper startsLower startsDigit capitalised functionWords digits symbols wordLength copyright separators address allCaps textDensity commas endsColon whole emphasis bold bracketed slash dateLine'.split(
      ' ',
    ),
    ...HOLDER_TAGS.map((t) => `holder:${t}`),
    'holder:other',
    ...ANCESTOR_TAGS.map((t) => `in:${t}`),
    ...'depth furniture nearestHint negativeHint positiveHint furnitureRole articleBody inRoot caption byline kept inParts charsBefore position fromHeadline isHeadline beforeHeadline fromFirstKept fromLastKept betweenKept repeats isTitle children'.split(
      ' ',
    ),
    ...NEIGHBOUR_OFFSETS.flatMap((d) =>
      ['chars', 'linkDensity', 'endsSentence', 'kept', 'functionWords', 'exists'].map((f) => `${d > 0 ? '+' : ''}${d}:${f}`),
    ),
    'window:chars',
    'window:linkDensity',
    'window:kept',
  ];
  return names;
}
