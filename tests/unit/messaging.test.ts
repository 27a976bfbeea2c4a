import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { senderKind } from '../../adapters/messaging';
import { ALLOWED_SENDERS, type MessageType } from '../../lib/messaging';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const ID = 'backstoryid';
const ORIGIN = 'chrome-extension://backstoryid/';

describe('who may send what', () => {
  test.each([
    ['the popup', { id: ID, url: `${ORIGIN}popup.html?tabId=3` }, 'extension'],
    ['the popup opened in a tab', { id: ID, url: `${ORIGIN}popup.html`, tab: { id: 9 } }, 'extension'],
    ['the options page', { id: ID, url: 'moz-extension://uuid/options.html' }, null],
    ['a content script', { id: ID, url: 'https://news.example/2014/11/19/story', tab: { id: 4 } }, 'page'],
    ['a content script of another extension', { id: 'other', url: 'https://news.example/', tab: { id: 4 } }, null],
    ['a page of another extension', { id: 'other', url: 'chrome-extension://other/page.html' }, null],
    ['something with no tab and a web URL', { id: ID, url: 'https://news.example/' }, null],
  ])('%s is %s', (_, sender, kind) => {
    expect(senderKind(sender as never, ID, ORIGIN)).toBe(kind);
  });

  test('a web page’s content scripts cannot read or change the history, read tabs, or search the news', () => {
    const fromPages = (Object.keys(ALLOWED_SENDERS) as MessageType[]).filter((type) => ALLOWED_SENDERS[type].includes('page')).sort();
    expect(fromPages).toEqual(['knowledge/link', 'knowledge/thumbnail', 'page/extracted', 'page/gated', 'text/analyse']);
  });
});
