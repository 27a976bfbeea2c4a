import { describe, expect, test } from 'vitest';
import { registeredLabel, vouchedPublisherName } from '../../lib/knowledge/publisher-name';

describe('the publisher name sent is what the tab’s address vouches for', () => {
  test.each([
    ['Dawn', 'https://www.dawn.com/news/1145345', 'Dawn'],
    ['DAWN.COM', 'https://www.dawn.com/news/1', 'DAWN'],
    ['The Guardian', 'https://www.theguardian.com/world/2014', 'The Guardian'],
    ['BBC News', 'https://www.bbc.co.uk/news/world', 'BBC'],
    ['The New York Times', 'https://www.nytimes.com/2014/11/19/x.html', 'NY Times'],
    ['Deutsche Welle', 'https://www.dw.com/en/x', 'DW'],
    ['The Express Tribune', 'https://tribune.com.pk/story/1', 'Tribune'],
    ['Al Jazeera English', 'https://www.aljazeera.com/news/1', 'Al Jazeera'],
  ])('%s at %s → %s', (name, url, sent) => {
    expect(vouchedPublisherName(name, url)).toBe(sent);
  });

  test.each([
    ['a token beside the name', 'Dawn 7f3a9c2e41', 'https://www.dawn.com/news/1', 'Dawn'],
    ['a token as the name', 'visitor-7f3a9c2e41', 'https://www.dawn.com/news/1', null],
    ['a name the address does not spell', 'Reuters', 'https://www.dawn.com/news/1', null],
    ['a per-reader subdomain', 'R7f3a9c News', 'https://r7f3a9c.news.example/story', 'News'],
    ['an address that is an IP', 'Dawn', 'http://127.0.0.1:8080/news/1', null],
    ['a very long name', `Dawn ${'x'.repeat(200)}`, 'https://www.dawn.com/', null],
    ['markup', '<img src=x onerror=alert(1)> Dawn', 'https://www.dawn.com/', 'Dawn'],
  ])('%s: %s at %s sends %s', (_, name, url, sent) => {
    expect(vouchedPublisherName(name, url)).toBe(sent);
  });

  test('whatever the page writes, every letter sent is one of the registered label’s', () => {
    const names = ['Dawn Qx7', 'D A W N', 'Daily Awful Wrong News', 'dawn dawn dawn', 'Dxyz Awn', 'Ｄａｗｎ'];
    for (const name of names) {
      const sent = vouchedPublisherName(name, 'https://www.dawn.com/') ?? '';
      expect(sent.toLowerCase().replace(/[^a-z0-9]/g, '')).toMatch(/^(dawn)?$/);
    }
  });

  test.each([
    ['https://www.dawn.com/x', 'dawn'],
    ['https://epaper.dawn.com/x', 'dawn'],
    ['https://www.bbc.co.uk/', 'bbc'],
    ['https://the-hindu.example.in/', 'example'],
    ['https://www.thehindu.com/', 'thehindu'],
    ['https://news.google.com/', 'google'],
    ['http://localhost:3000/', null],
    ['http://[::1]/', null],
  ])('registeredLabel(%s) → %s', (url, label) => {
    expect(registeredLabel(url)).toBe(label);
  });
});
