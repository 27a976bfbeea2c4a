import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { watchForLateArticle } from '../../../adapters/late-content';

const flush = async (ms: number) => {
  await Promise.resolve(); // let MutationObserver callbacks run
  await vi.advanceTimersByTimeAsync(ms);
};

describe('watchForLateArticle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '<main id="app">Loading…</main>';
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  const addText = (chars: number) => {
    const p = document.createElement('p');
    p.textContent = 'x'.repeat(chars);
    document.getElementById('app')?.append(p);
  };

  test('asks again once much text has arrived, and reports an article once', async () => {
    const check = vi.fn(() => true);
    const onArticle = vi.fn();
    watchForLateArticle(document, check, onArticle, { debounceMs: 100, minGrowth: 500 });
    addText(100);
    await flush(200);
    expect(check).not.toHaveBeenCalled(); // too little new text to look again
    addText(600);
    await flush(200);
    expect(check).toHaveBeenCalledTimes(1);
    expect(onArticle).toHaveBeenCalledTimes(1);
    addText(2000);
    await flush(200);
    expect(check).toHaveBeenCalledTimes(1); // stopped after the article was found
  });

  test('keeps watching while the text is still not an article, and gives up at the deadline', async () => {
    const check = vi.fn(() => false);
    const onArticle = vi.fn();
    watchForLateArticle(document, check, onArticle, { debounceMs: 100, minGrowth: 500, timeoutMs: 1000 });
    addText(600);
    await flush(200);
    expect(check).toHaveBeenCalledTimes(1);
    await flush(1000);
    addText(5000);
    await flush(200);
    expect(check).toHaveBeenCalledTimes(1);
    expect(onArticle).not.toHaveBeenCalled();
  });

  test('stop() ends the watch at once', async () => {
    const check = vi.fn(() => true);
    const stop = watchForLateArticle(document, check, vi.fn(), { debounceMs: 100, minGrowth: 10 });
    stop();
    addText(5000);
    await flush(500);
    expect(check).not.toHaveBeenCalled();
  });
});
