/**
 * Monthly follow-up, branch side: the branch's measures with their status this month, the
 * members' remediation progress from their latest results (counts with denominators), and a
 * paragraph to copy into the minutes of the monthly meeting.
 */
import { useState } from 'preact/hooks';
import type { Entry, Round } from '../../../domain/branch/branch-schema';
import {
  measureFigures,
  memberProgress,
  minutesParagraph,
  monthLabel,
  recordMonth,
  statusInMonth,
} from '../../../domain/branch/follow-up';
import type { ReportSections } from '../../../domain/branch/report';
import type { ActionStatus } from '../../../domain/review-constants';
import { ActionStatusOptions } from '../../review/fields';
import { CopyText } from './CopyText';

interface Props {
  round: Round;
  entries: readonly Entry[];
  sections: ReportSections;
  change: (edit: (sections: ReportSections) => ReportSections) => void;
}

function thisMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

export function MonthlyFollowUp({ round, entries, sections, change }: Props) {
  const [month, setMonth] = useState(thisMonth);
  const figures = measureFigures(sections.measures, month);
  const progress = memberProgress(round, entries, month);
  const paragraph = minutesParagraph({ month, measures: sections.measures, progress, threshold: round.smallCountThreshold });

  return (
    <div>
      <div class="field">
        <label for="follow-up-month">Tháng sinh hoạt</label>
        <input
          id="follow-up-month"
          type="month"
          value={month}
          onInput={(event) => {
            const value = event.currentTarget.value;
            if (/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) setMonth(value);
          }}
        />
      </div>

      <section class="panel" aria-labelledby="follow-up-measures">
        <h3 id="follow-up-measures">Biện pháp của chi bộ, {monthLabel(month)}</h3>
        {sections.measures.length === 0 ? (
          <p class="hint">Chưa có biện pháp: thêm ở phần IV của báo cáo.</p>
        ) : (
          <>
            <p>{`Đã xong ${figures.done}/${figures.total}, đang làm ${figures.inProgress}/${figures.total}, chưa làm ${figures.notStarted}/${figures.total}, quá hạn ${figures.overdue}/${figures.total}.`}</p>
            <ol>
              {sections.measures.map((measure, index) => {
                const check = measure.checks.find((entry) => entry.month === month);
                const id = `follow-up-${measure.id}`;
                return (
                  <li key={measure.id} class="report-measure">
                    <p>
                      <strong>{measure.what.trim() || `Biện pháp ${index + 1}`}</strong>
                      {measure.who && ` — ${measure.who}`}
                    </p>
                    <div class="field-grid">
                      <div class="field">
                        <label for={`${id}-status`}>Tình trạng {monthLabel(month)}</label>
                        <select
                          id={`${id}-status`}
                          value={statusInMonth(measure, month)}
                          onChange={(event) => {
                            const status = event.currentTarget.value as ActionStatus;
                            change((c) => recordMonth(c, measure.id, { month, status, note: check?.note ?? '' }));
                          }}
                        >
                          <ActionStatusOptions />
                        </select>
                      </div>
                      <div class="field">
                        <label for={`${id}-note`}>Ghi chú tháng này</label>
                        <input
                          id={`${id}-note`}
                          type="text"
                          value={check?.note ?? ''}
                          onInput={(event) => {
                            const note = event.currentTarget.value;
                            change((c) => recordMonth(c, measure.id, { month, status: statusInMonth(measure, month), note }));
                          }}
                        />
                      </div>
                    </div>
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </section>

      <section class="panel" aria-labelledby="follow-up-members">
        <h3 id="follow-up-members">Khắc phục của đảng viên</h3>
        <p class="hint">Từ kết quả mới nhất mỗi đồng chí đã gửi. Đồng chí gửi lại kết quả thì số liệu được cập nhật.</p>
        <dl class="meta">
          <dt>Đã gửi kết quả</dt>
          <dd>{`${progress.sent}/${progress.memberCount} đồng chí`}</dd>
          <dt>Biện pháp đã xong</dt>
          <dd>{`${progress.done}/${progress.actions}`}</dd>
          <dt>Đến hạn trong hoặc trước {monthLabel(month)}, đã xong</dt>
          <dd>{`${progress.dueDone}/${progress.due}`}</dd>
        </dl>
        {progress.withoutDeadlines > 0 && (
          <p class="hint">{`${progress.withoutDeadlines} kết quả gửi qua liên kết hoặc phiếu giấy không có thời hạn từng biện pháp: chỉ tính vào tổng số.`}</p>
        )}
      </section>

      <section class="panel" aria-labelledby="follow-up-minutes">
        <h3 id="follow-up-minutes">Đoạn văn cho biên bản</h3>
        <CopyText id="follow-up-minutes-text" label="Đoạn văn (sửa được trước khi sao chép; không lưu)" text={paragraph} />
      </section>
    </div>
  );
}
