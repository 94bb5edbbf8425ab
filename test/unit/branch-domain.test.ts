import { describe, expect, it } from 'vitest';
import { checkEntry, checkRound, type Entry } from '../../src/domain/branch/branch-schema';
import {
  createRound,
  entryFor,
  entryLabel,
  nextRound,
  planAddition,
  receivedFromFile,
  receivedFromLink,
  receivedFromPaper,
  type Received,
} from '../../src/domain/branch/entries';
import { describeDenominators, formatCount, formatFraction, limitSmallCounts, picture } from '../../src/domain/branch/picture';
import { layoutBars, stackedBars } from '../../src/domain/chart-model';
import { checklistItemIds } from '../../src/domain/checklist';
import { createReview, setAnswer, setMember, touch } from '../../src/domain/review-model';
import {
  buildShare,
  createShareFile,
  defaultShareOptions,
  encodeShareFragment,
  readShareFile,
  readShareFragment,
} from '../../src/domain/share';
import { loadChecklist } from './helpers';

const now = new Date('2026-06-01T08:00:00Z');
const checklist = loadChecklist();
const itemIds = checklistItemIds(checklist);
const round = createRound({ id: 'round-1', now, checklistId: 'nq04-27', period: '6 tháng đầu năm 2026', memberCount: 12 });

let sequence = 0;
function add(entries: Entry[], incoming: Received): Entry[] {
  const plan = planAddition(round, entries, incoming);
  if (plan.kind === 'identical' || plan.kind === 'older') return entries;
  sequence += 1;
  const entry = entryFor(round, entries, incoming, plan, { id: `e${sequence}`, now });
  return [...entries.filter((e) => e.id !== entry.id), entry];
}

function paper(levels: Record<string, 'none' | 'risk' | 'some' | 'clear'>, name = ''): Received {
  sequence += 1;
  return receivedFromPaper({ id: `p${sequence}`, round, levels, name });
}

describe('rounds', () => {
  it('starts the next round from the previous one with a new period', () => {
    const first = { ...round, branchName: 'Chi bộ 3', higherCommittee: 'Đảng bộ phường', smallCountThreshold: 4 };
    const next = nextRound(first, { id: 'round-2', period: 'Cuối năm 2026', now });
    expect(next).toMatchObject({
      id: 'round-2',
      period: 'Cuối năm 2026',
      branchName: 'Chi bộ 3',
      memberCount: 12,
      smallCountThreshold: 4,
    });
    expect(checkRound(next).ok).toBe(true);
    expect(checkRound({ ...next, memberCount: 0 }).ok).toBe(false);
  });
});

describe('adding results', () => {
  const base = () => {
    let review = createReview({ id: 'member-1', checklistId: 'nq04-27', period: '6 tháng đầu năm 2026', now });
    review = setAnswer(review, 'I-1', { assessment: 'some' });
    return review;
  };

  it('replaces an older share of the same review, ignores an identical one, keeps the number', () => {
    const first = receivedFromFile(readShareFile(createShareFile(buildShare(base(), defaultShareOptions), now)));
    let entries = add([], first);
    expect(planAddition(round, entries, first).kind).toBe('identical');
    const changed = { ...setAnswer(base(), 'I-2', { assessment: 'risk' }), revision: 5 };
    const second = receivedFromFile(readShareFile(createShareFile(buildShare(changed, defaultShareOptions), now)));
    expect(planAddition(round, entries, second).kind).toBe('replaces');
    entries = add(entries, second);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.levels).toEqual({ 'I-1': 'some', 'I-2': 'risk' });
    expect(entries[0]?.number).toBe(1);
    expect(planAddition(round, entries, first).kind).toBe('older');
    expect(checkEntry(entries[0]).ok).toBe(true);
  });

  it('warns about another checklist or period', () => {
    const review = touch({ ...base(), period: 'Cuối năm 2025' }, now);
    const incoming = receivedFromFile(readShareFile(createShareFile(buildShare(review, defaultShareOptions), now)));
    expect(planAddition(round, [], incoming).warnings).toEqual(['other-period']);
    expect(planAddition(round, [], { ...incoming, checklistId: 'other', period: round.period }).warnings).toEqual([
      'other-checklist',
    ]);
  });

  it('labels members by name when given, otherwise by number', () => {
    let entries = add([], paper({ 'I-1': 'none' }));
    entries = add(entries, paper({ 'I-1': 'none' }, 'Lê Văn C'));
    expect(entries.map(entryLabel)).toEqual(['Đảng viên chưa ghi tên 1', 'Lê Văn C']);
  });

  it('reads a link into the same entry as a file of the same review', () => {
    const review = setMember(base(), { name: 'X' });
    const fragment = encodeShareFragment(buildShare(review, defaultShareOptions), itemIds);
    const fromLink = receivedFromLink(readShareFragment(fragment, new Map([['nq04-27', itemIds]])));
    const fromFile = receivedFromFile(readShareFile(createShareFile(buildShare(review, defaultShareOptions), now)));
    expect(fromLink.shareId).toBe(fromFile.shareId);
    expect(fromLink.levels).toEqual(fromFile.levels);
  });
});

describe('the picture', () => {
  const entries = [
    paper({ 'I-1': 'some', 'I-2': 'risk' }),
    paper({ 'I-1': 'clear', 'II-1': 'risk' }),
    paper({ 'I-1': 'none', 'I-2': 'some' }),
    paper({}),
  ].reduce<Entry[]>((list, incoming) => add(list, incoming), []);

  it('counts every level with its denominator, unanswered included', () => {
    const p = picture(round, entries, checklist);
    expect(p).toMatchObject({ memberCount: 12, sent: 4, notSent: 8 });
    const first = p.items[0];
    expect(first?.counts).toEqual({ clear: 1, some: 1, risk: 0, none: 1, unset: 1 });
    expect(first?.withSign).toBe(2);
    for (const item of p.items) expect(Object.values(item.counts).reduce((a, b) => a + b, 0)).toBe(4);
    expect(describeDenominators(p)).toBe('4/12 đã gửi, còn 8 đồng chí chưa gửi');
    expect(formatFraction(first?.withSign ?? 0, p.sent)).toBe('2/4');
  });

  it('counts members with at least one sign or risk per group, and orders most frequent first', () => {
    const p = picture(round, entries, checklist);
    expect(p.groups.map((g) => [g.groupId, g.withSign, g.withRisk])).toEqual([
      ['I', 3, 1],
      ['II', 0, 1],
      ['III', 0, 0],
    ]);
    expect(p.mostFrequent.slice(0, 3)).toEqual(['I-1', 'I-2', 'II-1']);
  });

  it('ignores entries of other rounds and never counts "not sent" below zero', () => {
    const other = entries.map((e) => ({ ...e, roundId: 'round-x' }));
    const small = { ...round, memberCount: 2 };
    expect(picture(round, other, checklist).sent).toBe(0);
    expect(picture(small, entries, checklist).notSent).toBe(0);
  });

  it('adds actions by status', () => {
    const withActions = entries.map((e, i) => ({ ...e, actionCounts: { 'not-started': i, 'in-progress': 1, done: 2 } }));
    const p = picture(round, withActions, checklist);
    expect(p.actions).toEqual({ 'not-started': 6, 'in-progress': 4, done: 8 });
    expect(p.actionTotal).toBe(18);
  });

  it('hides counts below the threshold, zero included, and keeps denominators', () => {
    const limited = limitSmallCounts(picture(round, entries, checklist), 3);
    expect(limited.sent).toBe(4);
    expect(formatCount(limited.items[0]?.counts.some ?? 0)).toBe('dưới 3');
    expect(formatCount(limited.items[0]?.counts.unset ?? 0)).toBe('dưới 3');
    expect(formatCount(limited.groups[0]?.withSign ?? 0)).toBe('3');
    expect(formatCount(limitSmallCounts(picture(round, entries, checklist), 0).items[0]?.counts.some ?? 0)).toBe('1');
  });

  it('orders the outbound picture by the shown values only, so the order hints at no hidden count', () => {
    const three = [
      paper({ 'I-9': 'some', 'I-2': 'clear' }),
      paper({ 'I-9': 'some', 'I-2': 'clear' }),
      paper({ 'I-9': 'some', 'III-1': 'risk' }),
    ].reduce<Entry[]>((list, incoming) => add(list, incoming), []);
    const exact = picture(round, three, checklist);
    expect(exact.mostFrequent.slice(0, 3)).toEqual(['I-9', 'I-2', 'III-1']);
    const limited = limitSmallCounts(exact, 3);
    // I-9's 3 is shown; every other count is "dưới 3", so the rest keep checklist order.
    expect(limited.mostFrequent).toEqual(['I-9', ...itemIds.filter((id) => id !== 'I-9')]);
    // Nothing hidden: the same order as the exact picture.
    expect(limitSmallCounts(exact, 0).mostFrequent).toEqual(exact.mostFrequent);
  });
});

describe('the chart model', () => {
  const entries = [
    paper({ 'I-1': 'some' }),
    paper({ 'I-1': 'clear' }),
    paper({ 'I-1': 'none' }),
    paper({ 'I-1': 'none' }),
  ].reduce<Entry[]>((list, incoming) => add(list, incoming), []);

  it('makes one bar per item whose segments fill the denominator, with patterns and texts', () => {
    const model = stackedBars(picture(round, entries, checklist), { title: 'Biểu hiện' });
    expect(model.rows).toHaveLength(27);
    const row = model.rows[0];
    expect(row?.caption).toBe('Có biểu hiện: 2/4');
    expect(row?.segments.map((s) => [s.level, s.text, s.size])).toEqual([
      ['clear', '1', 0.25],
      ['some', '1', 0.25],
      ['risk', '0', 0],
      ['none', '2', 0.5],
      ['unset', '0', 0],
    ]);
    expect(new Set(model.legend.map((l) => l.pattern)).size).toBe(5);
  });

  it('never draws a hidden count at its real size', () => {
    const model = stackedBars(limitSmallCounts(picture(round, entries, checklist), 2), { title: 'x' });
    const segments = model.rows[0]?.segments ?? [];
    expect(segments.filter((s) => s.hidden).map((s) => s.size)).toEqual([0.125, 0.125, 0.125, 0.125]);
    expect(segments.find((s) => s.level === 'none')).toMatchObject({ text: '2', size: 0.5, hidden: false });
  });

  it('lays rows out in the renderer unit, writing counts only where they fit', () => {
    const model = stackedBars(picture(round, entries, checklist), { title: 'x', order: 'most-frequent' });
    const layout = layoutBars(model, { width: 200, barHeight: 10, labelHeight: 6, gap: 4, minTextWidth: 20 });
    expect(layout.rows[0]?.row.itemId).toBe('I-1');
    expect(layout.rows[1]?.barY).toBe(26);
    expect(layout.rows[0]?.segments[3]).toMatchObject({ x: 100, width: 100, textInside: true });
    expect(layout.height).toBe(27 * 20 - 4);
    expect(layout.ticks.map((t) => t.label)).toEqual(['0', '1', '2', '3', '4']);
  });
});
