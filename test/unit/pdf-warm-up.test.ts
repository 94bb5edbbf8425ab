/**
 * The PDF warm-up: one throwaway render after the code and fonts have loaded, when the browser is
 * idle, never when the view has closed or a document of that kind was rendered already.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseReview } from '../../src/domain/review-schema';
import { warmUpSample } from '../../src/islands/pdf-export';
import { loadChecklist } from './helpers';

/** A fresh module per test: which documents are warm is per page. */
async function load() {
  vi.resetModules();
  return import('../../src/islands/pdf-warm-up');
}

describe('PDF warm-up', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('renders a few times, after loading and only when the browser is idle, and once per page', async () => {
    const { warmUpWhenReady, WARM_UP_RENDERS } = await load();
    let finishLoading: (value: string) => void = () => undefined;
    const ready = new Promise<string>((resolve) => (finishLoading = resolve));
    const render = vi.fn();

    warmUpWhenReady('plan', ready, render);
    await vi.advanceTimersByTimeAsync(1000);
    expect(render).not.toHaveBeenCalled();

    finishLoading('code and fonts');
    await Promise.resolve();
    expect(render).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60);
    expect(render).toHaveBeenCalledTimes(1);
    expect(render).toHaveBeenCalledWith('code and fonts');
    await vi.advanceTimersByTimeAsync(60 * WARM_UP_RENDERS);
    expect(render).toHaveBeenCalledTimes(WARM_UP_RENDERS);

    // The print part opened again: the engine is warm already.
    warmUpWhenReady('plan', Promise.resolve('again'), render);
    await vi.advanceTimersByTimeAsync(1000);
    expect(render).toHaveBeenCalledTimes(WARM_UP_RENDERS);
  });

  it('does nothing once the view has closed', async () => {
    const { warmUpWhenReady } = await load();
    const render = vi.fn();

    const cancel = warmUpWhenReady('plan', Promise.resolve('loaded'), render);
    await Promise.resolve();
    cancel();
    await vi.advanceTimersByTimeAsync(1000);

    expect(render).not.toHaveBeenCalled();
  });

  it('stops between renders when the member exports', async () => {
    const { markWarm, warmUpWhenReady } = await load();
    const render = vi.fn();

    warmUpWhenReady('plan', Promise.resolve('loaded'), render);
    await vi.advanceTimersByTimeAsync(60);
    expect(render).toHaveBeenCalledTimes(1);
    markWarm('plan');
    await vi.advanceTimersByTimeAsync(1000);

    expect(render).toHaveBeenCalledTimes(1);
  });

  it('skips a kind the member has exported already, but still warms another kind', async () => {
    const { markWarm, warmUpWhenReady, WARM_UP_RENDERS } = await load();
    const render = vi.fn();

    markWarm('plan');
    warmUpWhenReady('plan', Promise.resolve('loaded'), render);
    warmUpWhenReady('report', Promise.resolve('report code'), render);
    await vi.advanceTimersByTimeAsync(1000);

    expect(render).toHaveBeenCalledTimes(WARM_UP_RENDERS);
    expect(render).toHaveBeenCalledWith('report code');
    expect(render).not.toHaveBeenCalledWith('loaded');
  });

  it('keeps a failed warm-up quiet: the click reports errors', async () => {
    const { warmUpWhenReady } = await load();
    const failing = vi.fn(() => Promise.reject(new Error('fonts')));
    const throwing = vi.fn(() => {
      throw new Error('layout');
    });

    warmUpWhenReady('plan', Promise.resolve(1), failing);
    warmUpWhenReady('report', Promise.resolve(2), throwing);
    warmUpWhenReady('form', Promise.reject(new Error('offline')), throwing);
    await vi.advanceTimersByTimeAsync(1000);

    expect(failing).toHaveBeenCalledTimes(1);
    expect(throwing).toHaveBeenCalledTimes(1);
  });
});

describe('PDF warm-up sample', () => {
  it('is the member’s own plan cut to its first three answers and actions', () => {
    const path = join(import.meta.dirname, '..', 'fixtures', 'pdf', 'full-review.json');
    const review = parseReview(JSON.parse(readFileSync(path, 'utf8')));
    const input = {
      review,
      checklist: loadChecklist(),
      options: { scope: 'full', includeNotes: true } as const,
      now: new Date(),
    };

    const sample = warmUpSample(input);

    expect(Object.keys(review.answers).length).toBeGreaterThan(3);
    expect(review.actions.length).toBeGreaterThan(3);
    expect(Object.entries(sample.review.answers)).toEqual(Object.entries(review.answers).slice(0, 3));
    expect(sample.review.actions).toEqual(review.actions.slice(0, 3));
    expect({ ...sample.review, answers: review.answers, actions: review.actions }).toEqual(review);
    expect(sample.options).toBe(input.options);
  });
});
