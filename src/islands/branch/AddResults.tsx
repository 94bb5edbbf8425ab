/** Adding members' results: many files (picker or drag-and-drop), a link, or a paper form by keyboard. */
import { useState } from 'preact/hooks';
import type { Round } from '../../domain/branch/branch-schema';
import { paperKeys, parsePaperLevels } from '../../domain/branch/paper-entry';
import { assessmentLabels } from '../../domain/review-model';
import { MAX_SHARE_BYTES } from '../../domain/share';
import type { AddReport, BranchWorkspace } from './workspace';

interface Props {
  workspace: BranchWorkspace;
  round: Round;
  reports: readonly AddReport[];
}

const kindLabels: Record<AddReport['kind'], string> = {
  added: 'Đã thêm',
  replaced: 'Đã thay bản cũ',
  identical: 'Bỏ qua (trùng)',
  older: 'Bỏ qua (bản cũ hơn)',
  refused: 'Không nhận',
};

async function readFiles(list: FileList | null | undefined): Promise<{ name: string; text: string }[]> {
  const files = [...(list ?? [])];
  return Promise.all(
    files.map(async (file) => ({
      name: file.name,
      // A huge file is not read into memory: a text one byte over the limit is refused the same way.
      text: file.size > MAX_SHARE_BYTES ? ' '.repeat(MAX_SHARE_BYTES + 1) : await file.text(),
    })),
  );
}

export function AddResults({ workspace, round, reports }: Props) {
  const [link, setLink] = useState('');
  const [dragging, setDragging] = useState(false);
  const [digits, setDigits] = useState('');
  const [name, setName] = useState('');
  const [counts, setCounts] = useState({ 'not-started': 0, 'in-progress': 0, done: 0 });
  const [checking, setChecking] = useState(false);
  const itemIds = workspace.itemIds(round.checklistId);
  const checklist = workspace.checklist(round.checklistId);
  const labels = new Map(
    checklist?.groups.flatMap((g) => g.items.map((item, i) => [item.id, `${g.id}.${i + 1} ${item.label}`])) ?? [],
  );
  const parsed = parsePaperLevels(digits, itemIds);

  const addFiles = async (list: FileList | null | undefined) => {
    const files = await readFiles(list);
    if (files.length > 0) await workspace.addFiles(files);
  };

  return (
    <section class="panel" aria-labelledby="add-heading">
      <h2 id="add-heading">Thêm kết quả của đảng viên</h2>
      <p class="hint">
        Liên kết hoặc mã QR mở trên máy nào thì kết quả vào máy đó: hãy dùng cùng một máy để tổng hợp. Muốn chuyển sang máy khác,
        dùng “Sao lưu” của trang.
      </p>
      <div
        class={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void addFiles(e.dataTransfer?.files);
        }}
      >
        <label for="share-files">Chọn một hay nhiều tệp kết quả (…tusoi-share.json), hoặc kéo thả tệp vào đây</label>
        <input
          id="share-files"
          type="file"
          multiple
          accept=".json,application/json"
          onChange={(e) => {
            const input = e.currentTarget;
            void addFiles(input.files).then(() => (input.value = ''));
          }}
        />
      </div>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (link.trim() === '') return;
          void workspace.addLink(link.trim()).then((stored) => stored && setLink(''));
        }}
      >
        <div class="field">
          <label for="share-link-input">Hoặc dán liên kết đảng viên gửi</label>
          <input id="share-link-input" type="text" value={link} onInput={(e) => setLink(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button">
          Thêm từ liên kết
        </button>
      </form>

      {reports.length > 0 && (
        <div class="add-reports" role="status">
          <h3>Kết quả lần thêm vừa rồi</h3>
          <ul>
            {reports.map((report, index) => (
              <li key={index} class={`add-report add-report--${report.kind}`}>
                <strong>{kindLabels[report.kind]}</strong> — {report.source}: {report.message}
                {report.warnings.map((warning) => (
                  <span key={warning} class="add-report__warning">
                    {' '}
                    Lưu ý: {warning}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </div>
      )}

      <details class="paper-entry">
        <summary>Nhập phiếu giấy bằng bàn phím</summary>
        <p class="hint" id="paper-keys">
          Gõ lần lượt mỗi biểu hiện một phím, theo thứ tự trên phiếu:{' '}
          {Object.entries(paperKeys)
            .map(([key, level]) => `${key} = ${assessmentLabels[level]}`)
            .join('; ')}
          . Có thể cách nhóm bằng dấu cách.
        </p>
        <div class="field">
          <label for="paper-digits">Mức của {itemIds.length} biểu hiện</label>
          <input
            id="paper-digits"
            class="paper-entry__digits"
            inputMode="numeric"
            autoComplete="off"
            spellcheck={false}
            aria-describedby="paper-keys paper-progress"
            value={digits}
            onInput={(e) => {
              setDigits(e.currentTarget.value);
              setChecking(false);
            }}
          />
          <p id="paper-progress" class={parsed.ok ? 'hint' : 'hint hint--warn'} aria-live="polite">
            {parsed.ok ? `Đủ ${itemIds.length}/${itemIds.length} biểu hiện.` : parsed.message}
          </p>
        </div>
        <div class="field">
          <label for="paper-name">Họ tên (nếu phiếu có ghi và đồng chí đồng ý)</label>
          <input id="paper-name" value={name} maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <fieldset class="paper-entry__counts">
          <legend>Số việc khắc phục trên phiếu</legend>
          {(['not-started', 'in-progress', 'done'] as const).map((status) => (
            <div class="field" key={status}>
              <label for={`paper-${status}`}>
                {{ 'not-started': 'Chưa làm', 'in-progress': 'Đang làm', done: 'Đã xong' }[status]}
              </label>
              <input
                id={`paper-${status}`}
                type="number"
                min={0}
                max={300}
                inputMode="numeric"
                value={counts[status]}
                onInput={(e) => {
                  const value = Number(e.currentTarget.value);
                  setCounts({ ...counts, [status]: Number.isInteger(value) && value >= 0 && value <= 300 ? value : 0 });
                }}
              />
            </div>
          ))}
        </fieldset>
        <button type="button" class="button" disabled={!parsed.ok} onClick={() => setChecking(true)}>
          Xem lại trước khi lưu
        </button>
        {checking && parsed.ok && (
          <div class="paper-summary" aria-labelledby="paper-summary-heading">
            <h3 id="paper-summary-heading" tabIndex={-1}>
              Kiểm tra phiếu: {name.trim() || 'không ghi tên'}
            </h3>
            <ol>
              {itemIds.map((itemId) => (
                <li key={itemId}>
                  {labels.get(itemId)}: <strong>{assessmentLabels[parsed.levels[itemId] ?? 'unset']}</strong>
                </li>
              ))}
            </ol>
            <p>
              Việc khắc phục: {counts['not-started']} chưa làm, {counts['in-progress']} đang làm, {counts.done} đã xong.
            </p>
            <button
              type="button"
              class="button button--primary"
              onClick={() =>
                void workspace.addPaper({ levels: parsed.levels, name: name.trim(), actionCounts: counts }).then((ok) => {
                  if (!ok) return;
                  setDigits('');
                  setName('');
                  setCounts({ 'not-started': 0, 'in-progress': 0, done: 0 });
                  setChecking(false);
                  document.getElementById('paper-digits')?.focus();
                })
              }
            >
              Lưu phiếu này
            </button>
          </div>
        )}
      </details>
    </section>
  );
}
