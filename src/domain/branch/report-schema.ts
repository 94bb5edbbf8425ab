/**
 * Shape of what the committee writes for a round: the báo cáo đề dẫn (sections I–V and its
 * settings) and the branch's own measures with their monthly follow-up. Stored inside the round
 * (optional field `report`), so autosave, two-tab merge, backup, lock and erase are the round's.
 * Parsed with the round; every field documented once here, types derived.
 */
import * as v from 'valibot';
import { actionStatuses, MAX_TEXT_LENGTH } from '../review-constants';

const text = () => v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH));
const shortText = () => v.pipe(v.string(), v.maxLength(200));
const id = () => v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/));
/** "YYYY-MM-DD", "YYYY-MM" or "" (not set). */
const partialDay = () => v.pipe(v.string(), v.regex(/^(?:\d{4}-\d{2}(?:-\d{2})?)?$/));
/** "YYYY-MM". */
const month = () => v.pipe(v.string(), v.regex(/^\d{4}-(?:0[1-9]|1[0-2])$/));

export const generatedTextSchema = v.strictObject({
  /** The text as the secretary left it. */
  text: text(),
  /** The generated text `text` was last taken from; equal to `text` while unedited. */
  generated: text(),
});

export const measureCheckSchema = v.strictObject({
  /** Month of the branch meeting that followed the measure up ("YYYY-MM"). */
  month: month(),
  /** Status reported that month. */
  status: v.picklist(actionStatuses),
  /** What was done or is blocking, for the minutes. */
  note: text(),
});

export const measureSchema = v.strictObject({
  /** Stable id (element-wise merge between tabs). */
  id: id(),
  /** What the branch will do. */
  what: text(),
  /** Who does it ("Bí thư", "Chi ủy", "Tổ công đoàn"…): roles, not reviewed members' results. */
  who: shortText(),
  /** By when. */
  by: partialDay(),
  /** Current status (the latest monthly check, or set directly). */
  status: v.picklist(actionStatuses),
  /** Monthly follow-up, one per month at most, oldest first. */
  checks: v.pipe(v.array(measureCheckSchema), v.maxLength(120)),
});

export const reportSchema = v.strictObject({
  /** Number in "Số 05-BC/CB"; "" prints dots. */
  number: shortText(),
  /** Place of the date line ("Hà Tĩnh"). */
  place: shortText(),
  /** "T/M CHI BỘ", or "T/M CHI ỦY" where the branch has a chi ủy. Keys persisted: never rename. */
  signerBody: v.picklist(['chi-bo', 'chi-uy']),
  /** Name under the signature (the secretary). */
  signerName: shortText(),
  /** "Nơi nhận" lines, one per line. */
  recipients: text(),
  /** I. The collective's own self-review. */
  collective: text(),
  /** II. Results of the members' self-reviews (generated, then edited). */
  results: generatedTextSchema,
  /** III. Shortcomings and causes. */
  shortcomings: text(),
  /** IV. Text before the measures table. */
  direction: text(),
  /** IV. The branch's measures: what, who, by when; followed up monthly. */
  measures: v.pipe(v.array(measureSchema), v.maxLength(100)),
  /** V. Questions for discussion. */
  questions: text(),
});

export type GeneratedText = v.InferOutput<typeof generatedTextSchema>;
export type MeasureCheck = v.InferOutput<typeof measureCheckSchema>;
export type BranchMeasure = v.InferOutput<typeof measureSchema>;
export type ReportSections = v.InferOutput<typeof reportSchema>;
export type SignerBody = ReportSections['signerBody'];

/** Validates stored or imported report data. */
export function checkReport(value: unknown): { ok: true; value: ReportSections } | { ok: false; where: string } {
  const result = v.safeParse(reportSchema, value);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, where: result.issues[0]?.path?.map((entry) => String(entry.key)).join('.') ?? '' };
}
