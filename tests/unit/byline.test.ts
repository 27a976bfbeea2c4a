import { describe, expect, test } from 'vitest';
import { extractArticle } from '../../lib/extract';
import { cleanByline, publisherName, registrableDomain } from '../../lib/extract/byline';
import { loadPage } from '../fixtures/pages';

describe('cleanByline', () => {
  test.each([
    ['By By ROBERT BURNS', 'ROBERT BURNS'],
    ['by Jane Roe', 'Jane Roe'],
    ['Von Anna Schmidt', 'Anna Schmidt'],
    ['Par Claire Dubois', 'Claire Dubois'],
    ['Por Luis Ortega y Ana Ruiz', 'Luis Ortega, Ana Ruiz'],
    ['Jane Roe and John Doe', 'Jane Roe, John Doe'],
    ['Jane Roe / AFP', 'Jane Roe, AFP'],
    ['Jane Roe, Jane Roe', 'Jane Roe'],
    ['https://www.facebook.com/jane.roe', null],
    ['www.example.com', null],
    ['@janeroe', null],
    ['Jane Roe, https://twitter.com/janeroe', 'Jane Roe'],
    ['Claire Dubois, il y a 2 jours', 'Claire Dubois'],
    ['By Jane Roe | May 3, 2024', 'Jane Roe'],
    ['', null],
    [null, null],
  ])('%j → %j', (raw, expected) => {
    expect(cleanByline(raw)).toBe(expected);
  });
});

describe('registrableDomain', () => {
  test.each([
    ['news.bbc.co.uk', 'bbc.co.uk'],
    ['www.abc.net.au', 'abc.net.au'],
    ['www.spiegel.de', 'spiegel.de'],
    ['edition.cnn.com', 'cnn.com'],
    ['jane.substack.com', 'jane.substack.com'],
    ['someone.github.io', 'someone.github.io'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
    ['WWW.Example.ORG.', 'example.org'],
  ])('%s → %s', (host, expected) => {
    expect(registrableDomain(host)).toBe(expected);
  });
});

describe('publisherName', () => {
  test.each([
    ['The Example Times', 'https://www.example.com/a', 'The Example Times'],
    ['https://www.riverside-herald.example/', 'https://www.riverside-herald.example/x', 'riverside-herald.example'],
    ['www.example.co.uk', 'https://news.example.co.uk/x', 'example.co.uk'],
    [null, 'https://news.bbc.co.uk/2024/x', 'bbc.co.uk'],
    ['  ', 'https://www.spiegel.de/x', 'spiegel.de'],
  ])('%j on %s → %s', (declared, url, expected) => {
    expect(publisherName(declared, url)).toBe(expected);
  });
});

describe('bylines and publishers on a page', () => {
  const article = (head: string, body: string, url = 'https://www.herald.example/2024/09/17/fair') =>
    extractArticle(loadPage(`<html><head>${head}</head><body>${body}</body></html>`, url).doc).article;
  const story = '<p>The county fair counted more visitors than in any year since it began, organisers said.</p>';

  test('a JSON-LD author list with a doubled "By" and a profile URL', () => {
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"By By ROBERT BURNS"},{"name":"https://www.facebook.com/rb"}]}</script>`;
    expect(article(ld, story).byline).toBe('ROBERT BURNS');
  });

  test('a Facebook URL in article:author is no byline; the page’s byline is', () => {
    const head = '<meta property="article:author" content="https://www.facebook.com/herald">';
    expect(article(head, `<p class="byline">By Maria Delgado</p>${story}`).byline).toBe('Maria Delgado');
    expect(article(head, story).byline).toBeNull();
  });

  test('the byline marked up as the author’s name', () => {
    const body = `<div itemprop="author" itemscope><span itemprop="name">Anna Schmidt</span><span>Redakteurin</span></div>${story}`;
    expect(article('', body).byline).toBe('Anna Schmidt');
  });

  test('publisher: JSON-LD, og:site_name, an address cleaned to its domain, the host as a last resort', () => {
    expect(article('<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Herald"}}</script>', story).siteName).toBe(
      'Herald',
    );
    expect(article('<meta property="og:site_name" content="The Herald">', story).siteName).toBe('The Herald');
    expect(article('<meta property="og:site_name" content="https://www.herald.example">', story).siteName).toBe('herald.example');
    expect(article('', story, 'https://news.herald.co.uk/2024/x').siteName).toBe('herald.co.uk');
  });
});
