import { describe, expect, it, vi } from 'vitest';
import { DocumentLockedError } from '../../src/domain/errors';
import { parsePaperLevels } from '../../src/domain/branch/paper-entry';
import { checklistItemIds } from '../../src/domain/checklist';
import { createReview, setAnswer, setMember } from '../../src/domain/review-model';
import { buildShare, createShareFile, defaultShareOptions, encodeShareFragment } from '../../src/domain/share';
import { BranchWorkspace } from '../../src/islands/branch/workspace';
import { MemoryBranchStore } from '../../src/storage/branch-memory-store';
import { loadChecklist } from './helpers';

const checklist = { ...loadChecklist(), id: 'nq04-27' };
const itemIds = checklistItemIds(checklist);
const now = new Date('2026-06-01T08:00:00Z');

async function workspace() {
  let next = 0;
  const store = new MemoryBranchStore();
  const ws = new BranchWorkspace(
    store,
    [checklist],
    () => `id-${(next += 1)}`,
    () => now,
  );
  await ws.load();
  await ws.createRound({
    period: '6 tháng đầu năm 2026',
    memberCount: 12,
    branchName: 'Chi bộ 1',
    higherCommittee: '',
    checklistId: 'nq04-27',
  });
  return { ws, store };
}

function memberFile(id: string, patch: (r: ReturnType<typeof createReview>) => ReturnType<typeof createReview> = (r) => r) {
  const review = patch(
    setAnswer(createReview({ id, checklistId: 'nq04-27', period: '6 tháng đầu năm 2026', now }), 'I-1', { assessment: 'some' }),
  );
  return createShareFile(buildShare(review, defaultShareOptions), now);
}

describe('the branch workspace', () => {
  it('adds many files at once and reports each, refusing bad ones without writing them', async () => {
    const { ws, store } = await workspace();
    await ws.addFiles([
      { name: 'a.json', text: memberFile('a') },
      { name: 'b.json', text: memberFile('b') },
      { name: 'bad.json', text: '{"format":"tu-soi-tu-sua/backup","formatVersion":1,"reviews":[]}' },
      { name: 'cut.json', text: memberFile('c').slice(0, 50) },
    ]);
    const state = ws.getState();
    expect(state.reports.map((r) => r.kind)).toEqual(['added', 'added', 'refused', 'refused']);
    expect(state.reports[2]?.message).toMatch(/tệp sao lưu/);
    expect(await store.listEntries(state.round?.id ?? '')).toHaveLength(2);
  });

  it('replaces the same review shared again and says so; ignores an identical one', async () => {
    const { ws } = await workspace();
    await ws.addFiles([{ name: 'a.json', text: memberFile('a') }]);
    await ws.addFiles([{ name: 'a.json', text: memberFile('a') }]);
    expect(ws.getState().reports[0]?.kind).toBe('identical');
    await ws.addFiles([
      { name: 'a2.json', text: memberFile('a', (r) => ({ ...setAnswer(r, 'I-2', { assessment: 'risk' }), revision: 3 })) },
    ]);
    expect(ws.getState().reports[0]).toMatchObject({ kind: 'replaced' });
    expect(ws.getState().reports[0]?.message).toMatch(/thay cho bản nhận lúc/);
    expect(ws.getState().entries).toHaveLength(1);
  });

  it('adds a link, and refuses a cut one with its message', async () => {
    const { ws } = await workspace();
    const review = setMember(
      setAnswer(createReview({ id: 'l', checklistId: 'nq04-27', period: 'x', now }), 'I-1', { assessment: 'clear' }),
      {
        name: 'Trần B',
      },
    );
    const fragment = encodeShareFragment(buildShare(review, { ...defaultShareOptions, name: true }), itemIds);
    await ws.addLink(`https://example.org/chi-bo/#${fragment.slice(0, 40)}`);
    expect(ws.getState().reports[0]).toMatchObject({ kind: 'refused' });
    await ws.addLink(`https://example.org/chi-bo/#${fragment}`);
    expect(ws.getState().reports[0]).toMatchObject({ kind: 'added', message: 'Đã thêm: Trần B.' });
    expect(ws.getState().reports[0]?.warnings[0]).toMatch(/Kỳ tự soi/);
  });

  it('adds paper forms typed by keyboard, each its own member', async () => {
    const { ws } = await workspace();
    const parsed = parsePaperLevels('4000 00000 000000000 000000000', itemIds);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await ws.addPaper({ levels: parsed.levels, name: '', actionCounts: { 'not-started': 1, 'in-progress': 0, done: 0 } });
    await ws.addPaper({ levels: parsed.levels, name: '', actionCounts: { 'not-started': 1, 'in-progress': 0, done: 0 } });
    expect(ws.getState().entries.map((e) => e.levels)).toEqual([{ 'I-1': 'clear' }, { 'I-1': 'clear' }]);
    expect(
      await ws.addPaper({
        levels: {},
        name: '<img src=x onerror=alert(1)>',
        actionCounts: { 'not-started': 0, 'in-progress': 0, done: 0 },
      }),
    ).toBe(false);
    expect(ws.getState().entries).toHaveLength(2);
  });

  it('refuses paper digits that are no level, too many or too few', () => {
    expect(parsePaperLevels('5', itemIds)).toMatchObject({ ok: false });
    expect(parsePaperLevels('1'.repeat(28), itemIds)).toMatchObject({ ok: false });
    expect(parsePaperLevels('1'.repeat(26), itemIds)).toMatchObject({ ok: false, typed: 26 });
    expect(parsePaperLevels('x'.repeat(27), itemIds)).toMatchObject({ ok: false });
  });

  it('deletes a round with its results, says so, and shows the round left; the other round keeps its results', async () => {
    const { ws, store } = await workspace();
    const first = ws.getState().round;
    await ws.addFiles([{ name: 'a.json', text: memberFile('a') }]);
    const second = await ws.createRound({
      period: '6 tháng cuối năm 2026',
      memberCount: 12,
      branchName: 'Chi bộ 1',
      higherCommittee: '',
      checklistId: 'nq04-27',
    });
    await ws.addFiles([
      { name: 'b.json', text: memberFile('b') },
      { name: 'c.json', text: memberFile('c') },
    ]);
    await ws.deleteRound(second.id);
    const state = ws.getState();
    expect(state.notice).toBe('Đã xóa đợt “6 tháng cuối năm 2026” cùng 2 kết quả đã nhận.');
    expect(state.rounds.map((r) => r.id)).toEqual([first?.id]);
    expect(state.round?.id).toBe(first?.id);
    expect(state.entries).toHaveLength(1);
    expect(await store.listEntries(second.id)).toEqual([]);
    await ws.select(first?.id ?? '');
    expect(ws.getState().notice).toBeUndefined();
    await ws.deleteRound(first?.id ?? '');
    expect(ws.getState()).toMatchObject({ rounds: [], round: undefined, entries: [] });
    expect(ws.getState().notice).toBe('Đã xóa đợt “6 tháng đầu năm 2026” cùng 1 kết quả đã nhận.');
  });

  it('says when results could not be stored (locked meanwhile) and reports false, so a link is kept to try again', async () => {
    const { ws, store } = await workspace();
    vi.spyOn(store, 'putEntries').mockRejectedValueOnce(new DocumentLockedError());
    expect(
      await ws.addFiles([
        { name: 'a.json', text: memberFile('a') },
        { name: 'cut.json', text: memberFile('c').slice(0, 50) },
      ]),
    ).toBe(false);
    const state = ws.getState();
    expect(state.reports.map((r) => r.kind)).toEqual(['refused', 'refused']);
    expect(state.reports[0]?.message).toMatch(/Chưa lưu: dữ liệu vừa được khóa/);
    expect(state.reports[1]?.message).not.toMatch(/Chưa lưu/);
    expect(state.entries).toEqual([]);
    expect(await store.listEntries(state.round?.id ?? '')).toEqual([]);
    expect(await ws.addFiles([{ name: 'a.json', text: memberFile('a') }])).toBe(true);
    expect(ws.getState().entries).toHaveLength(1);
  });
});
