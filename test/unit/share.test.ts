import { describe, expect, it } from 'vitest';
import { checklistItemIds } from '../../src/domain/checklist';
import { createReview, setAnswer, setMember } from '../../src/domain/review-model';
import {
  buildShare,
  createShareFile,
  defaultShareOptions,
  encodeShareFragment,
  readShareFile,
  readShareFragment,
  shareIdFor,
  ShareError,
  type ShareProblem,
} from '../../src/domain/share';
import { fullReview, loadChecklist } from './helpers';

const now = new Date('2026-06-01T08:00:00Z');
const checklist = loadChecklist();
const itemIds = checklistItemIds(checklist);
const known = { id: 'nq04-27', itemIds };
const checklists = new Map([['nq04-27', itemIds]]);

function problemOf(read: () => unknown): ShareProblem | 'accepted' {
  try {
    read();
    return 'accepted';
  } catch (error) {
    if (error instanceof ShareError) {
      expect(error.message).toMatch(/Không có gì bị thay đổi/);
      return error.problem;
    }
    throw error;
  }
}

describe('share files', () => {
  it('by default carries levels and action status and deadline, but no name or text', () => {
    const review = setMember(fullReview(), { name: 'Nguyễn Văn A' });
    const text = createShareFile(buildShare(review, defaultShareOptions), now);
    expect(text).not.toContain('Nguyễn Văn A');
    expect(text).not.toContain('Khắc phục');
    expect(text).not.toContain('Nhận thấy');
    expect(text).not.toContain(review.id);
    const read = readShareFile(text, known);
    expect(Object.keys(read.share.levels)).toHaveLength(27);
    expect(read.share.actions?.[0]).toEqual({ itemId: itemIds[0], status: 'in-progress', deadline: '2022-12-31' });
    expect(read.share.name).toBeUndefined();
    expect(read.share.notes).toBeUndefined();
  });

  it('carries name, action texts and notes only when chosen, and round-trips exactly', () => {
    const review = setMember(fullReview(), { name: 'Nguyễn Văn A' });
    const share = buildShare(review, { actions: true, name: true, actionText: true, notes: true });
    const read = readShareFile(createShareFile(share, now), known);
    expect(read.share).toEqual(share);
    expect(read.share.name).toBe('Nguyễn Văn A');
    expect(read.share.actions?.[0]?.what).toContain('Khắc phục');
    expect(read.share.notes?.[itemIds[0] ?? '']?.observed).toContain('Nhận thấy');
  });

  it('keeps a full review with actions under 8 KB', () => {
    const text = createShareFile(buildShare(fullReview(), defaultShareOptions), now);
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(8 * 1024);
  });

  it('gives every share of one review the same id, and different reviews different ids', () => {
    expect(shareIdFor('a')).toBe(shareIdFor('a'));
    expect(shareIdFor('a')).not.toBe(shareIdFor('b'));
    expect(shareIdFor('a')).toMatch(/^[a-z0-9]{13}$/);
  });

  it('refuses every kind of bad file with its own message', () => {
    const good = JSON.parse(createShareFile(buildShare(fullReview(), defaultShareOptions), now)) as Record<string, unknown>;
    const withShare = (patch: Record<string, unknown>) =>
      JSON.stringify({ ...good, share: { ...(good['share'] as object), ...patch } });
    expect(problemOf(() => readShareFile(''))).toBe('empty');
    expect(problemOf(() => readShareFile('not json'))).toBe('not-json');
    expect(problemOf(() => readShareFile(JSON.stringify(good).slice(0, 200)))).toBe('not-json');
    expect(problemOf(() => readShareFile('x'.repeat(1024 * 1024 + 1)))).toBe('too-large');
    expect(problemOf(() => readShareFile('{"format":"other"}'))).toBe('not-share');
    expect(problemOf(() => readShareFile('[1,2]'))).toBe('not-share');
    expect(problemOf(() => readShareFile(JSON.stringify({ ...good, formatVersion: 9 })))).toBe('future-version');
    expect(
      problemOf(() => readShareFile(JSON.stringify({ format: 'tu-soi-tu-sua/backup', formatVersion: 1, reviews: [] }))),
    ).toBe('is-backup');
    expect(problemOf(() => readShareFile(withShare({ name: '<script>alert(1)</script>' })))).toBe('script');
    expect(problemOf(() => readShareFile(JSON.stringify(good).replace('"share":{', '"share":{"__proto__":{"x":1},')))).toBe(
      'unsafe',
    );
    expect(problemOf(() => readShareFile(withShare({ levels: { 'I-1': 'terrible' } })))).toBe('bad-content');
    expect(problemOf(() => readShareFile(withShare({ extra: 1 })))).toBe('bad-content');
    expect(problemOf(() => readShareFile(withShare({ levels: { 'Z-99': 'some' } }), known))).toBe('unknown-item');
  });

  it('returns a share of another checklist unchecked, for the caller to warn about', () => {
    const text = createShareFile(
      { ...buildShare(fullReview(), defaultShareOptions), checklistId: 'other', levels: { 'Z-1': 'some' } },
      now,
    );
    expect(readShareFile(text, known).share.checklistId).toBe('other');
  });
});

describe('share links', () => {
  it('round-trips levels, action counts and an optional name', () => {
    let review = createReview({ id: 'r1', checklistId: 'nq04-27', period: '6 tháng đầu năm 2026', now });
    review = setAnswer(review, 'I-1', { assessment: 'some' });
    review = setAnswer(review, 'III-9', { assessment: 'risk' });
    review = setMember(review, { name: 'Trần Thị Bình' });
    const share = buildShare(review, { ...defaultShareOptions, name: true });
    const link = readShareFragment(`#${encodeShareFragment(share, itemIds)}`, checklists);
    expect(link.levels).toEqual({ 'I-1': 'some', 'III-9': 'risk' });
    expect(link.name).toBe('Trần Thị Bình');
    expect(link.period).toBe('6 tháng đầu năm 2026');
    expect(link.shareId).toBe(shareIdFor('r1'));
  });

  it('stays under 300 characters with the site address for a full review without a name', () => {
    const fragment = encodeShareFragment(buildShare(fullReview(), defaultShareOptions), itemIds);
    const link = `https://tusoi.example.gov.vn/chi-bo/#${fragment}`;
    expect(link.length).toBeLessThanOrEqual(300);
    expect(readShareFragment(fragment, checklists).actionCounts).toEqual({ 'not-started': 15, 'in-progress': 12, done: 0 });
  });

  it('recognises a link cut off by a chat app, wherever it was cut', () => {
    const fragment = encodeShareFragment(buildShare(fullReview(), defaultShareOptions), itemIds);
    for (let length = 3; length < fragment.length; length += 1) {
      const problem = problemOf(() => readShareFragment(fragment.slice(0, length), checklists));
      expect(['cut-link', 'bad-link']).toContain(problem);
    }
    expect(problemOf(() => readShareFragment(fragment.slice(0, fragment.length - 10), checklists))).toBe('cut-link');
  });

  it('refuses altered, foreign and future links', () => {
    const fragment = encodeShareFragment(buildShare(fullReview(), defaultShareOptions), itemIds);
    expect(problemOf(() => readShareFragment('#hello', checklists))).toBe('bad-link');
    expect(problemOf(() => readShareFragment('s9.abc.def', checklists))).toBe('future-version');
    expect(problemOf(() => readShareFragment(`s1.${fragment[3] === 'A' ? 'B' : 'A'}${fragment.slice(4)}`, checklists))).toBe(
      'cut-link',
    );
    expect(problemOf(() => readShareFragment(fragment, new Map()))).toBe('other-checklist');
    expect(problemOf(() => readShareFragment(fragment, new Map([['nq04-27', itemIds.slice(1)]])))).toBe('bad-link');
  });
});
