/**
 * "Tổng kết": the member's year-end figures for this review and a draft paragraph for the
 * self-criticism and remediation part of the year-end self-review form. The figures come from
 * summariseYearEnd (pure, unit-tested); the draft is edited here and copied or printed, never stored.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ChecklistData } from '../../domain/checklist-schema';
import { assessmentLabels, localDay } from '../../domain/review-model';
import type { Review } from '../../domain/review-schema';
import { formatCompletion, summariseYearEnd, thresholdNote } from '../../domain/year-end';

interface Props {
  review: Review;
  checklist: ChecklistData;
}

export function YearEndView({ review, checklist }: Props) {
  const summary = summariseYearEnd(review, checklist, localDay(new Date()));
  const [draft, setDraft] = useState(summary.draft);
  const [generated, setGenerated] = useState(summary.draft);
  const [status, setStatus] = useState('');
  const edited = draft !== generated;

  // A new generated draft (the review changed in another tab) replaces the text only if it was not edited.
  useEffect(() => {
    if (summary.draft === generated) return;
    if (!edited) setDraft(summary.draft);
    setGenerated(summary.draft);
  }, [summary.draft, generated, edited]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(draft);
      setStatus('Đã sao chép đoạn văn. Dán vào bản kiểm điểm cuối năm của bạn.');
    } catch {
      const field = document.getElementById('year-end-draft');
      if (field instanceof HTMLTextAreaElement) field.select();
      setStatus('Trình duyệt không cho sao chép tự động: đoạn văn đã được chọn, hãy bấm giữ rồi chọn “Sao chép”.');
    }
  };

  const { actions, completion } = summary;
  return (
    <div class="panel">
      <p class="hint no-print">
        Số liệu của kỳ “{summary.period}”, tính đến hôm nay, để bạn viết phần tự phê bình và kết quả khắc phục trong bản kiểm điểm
        cuối năm (theo Hướng dẫn 43-HD/BTCTW, 2025).
      </p>
      <h3>Kết quả tự soi</h3>
      <dl class="meta">
        <dt>Đã tự soi</dt>
        <dd>{`${summary.assessed}/${summary.total} biểu hiện`}</dd>
        <dt>Tự nhận có hoặc có nguy cơ</dt>
        <dd>{`${summary.found.length}/${summary.total} biểu hiện`}</dd>
      </dl>
      {summary.found.length > 0 && (
        <ul>
          {summary.found.map((item) => (
            <li key={item.overallNumber}>{`${item.overallNumber}. ${item.label} — ${assessmentLabels[item.level]}`}</li>
          ))}
        </ul>
      )}
      <h3>Kết quả khắc phục</h3>
      <dl class="meta">
        <dt>Biện pháp đã đề ra</dt>
        <dd>{actions.planned}</dd>
        <dt>Đã xong</dt>
        <dd>{`${actions.done}/${actions.planned}`}</dd>
        <dt>Đang làm (chưa quá hạn)</dt>
        <dd>{`${actions.inProgress}/${actions.planned}`}</dd>
        <dt>Chưa làm (chưa quá hạn)</dt>
        <dd>{`${actions.notStarted}/${actions.planned}`}</dd>
        <dt>Quá hạn, chưa xong</dt>
        <dd>{`${actions.overdue}/${actions.planned}`}</dd>
        <dt>Chưa có thời hạn</dt>
        <dd>{`${actions.noDeadline}/${actions.planned}`}</dd>
        <dt>Mức hoàn thành</dt>
        <dd>
          <strong>{formatCompletion(completion)}</strong>
        </dd>
      </dl>
      <p class="note">{thresholdNote}</p>
      <h3>Đoạn văn gợi ý cho bản kiểm điểm</h3>
      <div class="field">
        <label for="year-end-draft">Phần tự phê bình và kết quả khắc phục</label>
        <p class="hint no-print" id="year-end-draft-hint">
          Trang tự soạn từ số liệu trên, chỉ để bạn bắt đầu: sửa lại bằng lời của mình. Đoạn văn này không được lưu; sao chép hoặc
          in khi xong.
        </p>
        <textarea
          id="year-end-draft"
          rows={8}
          aria-describedby="year-end-draft-hint"
          value={draft}
          onInput={(event) => setDraft(event.currentTarget.value.normalize('NFC'))}
        />
      </div>
      <div class="button-row no-print">
        <button type="button" class="button button--primary" onClick={() => void copy()}>
          Sao chép đoạn văn
        </button>
        <button type="button" class="button" onClick={() => print()}>
          In bản tổng kết
        </button>
        {edited && (
          <button type="button" class="button" onClick={() => setDraft(generated)}>
            Trở lại đoạn văn gợi ý
          </button>
        )}
      </div>
      <p class="status-line no-print" role="status">
        {status}
      </p>
    </div>
  );
}
