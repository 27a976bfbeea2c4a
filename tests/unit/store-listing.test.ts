// The store listings (store/listing.json): within the stores' limits, and every screenshot they name present at the
// size the Chrome Web Store takes.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const listing = JSON.parse(readFileSync(new URL('../../store/listing.json', import.meta.url), 'utf8'));

describe('store listing', () => {
  test('name and summary within both stores’ limits (Chrome Web Store: 45 and 132 characters; AMO: 50 and 250)', () => {
    expect(listing.name.length).toBeLessThanOrEqual(45);
    expect(listing.summary.length).toBeLessThanOrEqual(132);
    expect(listing.summary.length).toBeGreaterThan(40);
  });

  test('the description says what is sent and when, and offers both ways of working', () => {
    const text = listing.description.join('\n');
    expect(text.length).toBeLessThanOrEqual(16_000);
    expect(text).toContain('Nothing is sent when a page loads');
    expect(text).toContain('On all news sites, automatically');
    expect(text).toContain('Only when you click the button');
  });

  test('every screenshot named is a 1280 × 800 PNG with a caption', () => {
    expect(listing.screenshots.length).toBeGreaterThanOrEqual(1);
    for (const { file, caption } of listing.screenshots) {
      const png = readFileSync(new URL(`../../store/${file}`, import.meta.url));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 800]);
      expect(caption.length).toBeGreaterThan(10);
    }
  });
});
