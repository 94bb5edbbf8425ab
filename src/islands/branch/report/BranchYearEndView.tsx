/** The round's year-end figures for the collective's year-end report: members' actions and the branch's measures. */
import type { Entry, Round } from '../../../domain/branch/branch-schema';
import { branchYearEnd } from '../../../domain/branch/follow-up';
import type { ReportSections } from '../../../domain/branch/report';
import { localDay } from '../../../domain/review-model';
import { formatCompletion, thresholdNote } from '../../../domain/year-end';

export function BranchYearEndView({
  round,
  entries,
  sections,
}: {
  round: Round;
  entries: readonly Entry[];
  sections: ReportSections;
}) {
  const figures = branchYearEnd(round, entries, sections.measures, localDay(new Date()));
  const { actions } = figures;
  return (
    <div>
      <p class="hint">
        Số liệu tính đến hôm nay, để chi bộ viết phần tự soi, tự sửa trong báo cáo kiểm điểm cuối năm của tập thể.
      </p>
      <section class="panel" aria-labelledby="year-end-members">
        <h3 id="year-end-members">Biện pháp của đảng viên</h3>
        <dl class="meta">
          <dt>Kết quả đã nhận</dt>
          <dd>{`${figures.sent}/${figures.memberCount} đồng chí`}</dd>
          <dt>Biện pháp đã đề ra</dt>
          <dd>{actions.planned}</dd>
          <dt>Đã xong</dt>
          <dd>{`${actions.done}/${actions.planned}`}</dd>
          <dt>Đang làm</dt>
          <dd>{`${actions.inProgress}/${actions.planned}`}</dd>
          <dt>Chưa làm</dt>
          <dd>{`${actions.notStarted}/${actions.planned}`}</dd>
          <dt>Quá hạn</dt>
          <dd>{`${actions.overdue}/${actions.planned}`}</dd>
          <dt>Mức hoàn thành</dt>
          <dd>
            <strong>{formatCompletion(figures.completion)}</strong>
          </dd>
        </dl>
        {figures.unknownDeadline > 0 && (
          <p class="hint">{`${figures.unknownDeadline} biện pháp chưa xong không rõ thời hạn (kết quả gửi qua liên kết hoặc phiếu giấy).`}</p>
        )}
      </section>
      <section class="panel" aria-labelledby="year-end-branch">
        <h3 id="year-end-branch">Biện pháp của chi bộ</h3>
        <p>{`Hoàn thành ${formatCompletion(figures.measureCompletion)}; quá hạn ${figures.measures.overdue}/${figures.measures.total}.`}</p>
      </section>
      <p class="note">{thresholdNote}</p>
    </div>
  );
}
