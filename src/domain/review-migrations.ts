/**
 * Record-shape migrations for self-reviews. Append-only: never edit a published step, add the next
 * one. Each step is pure and has a frozen fixture in test/fixtures/reviews/ and a test.
 * (The IndexedDB structure has its own version ladder in src/storage/database.ts.)
 */
import { checkReview, fieldLabel, REVIEW_SHAPE_VERSION, type Review } from './review-schema';
import { normalizeJson, UnsafeDataError } from './text';

type Json = Record<string, unknown>;

interface MigrationStep {
  /** Shape version this step reads. */
  readonly from: number;
  /** What changed, for people reading the history. */
  readonly name: string;
  readonly migrate: (record: Json) => Json;
}

const asRecord = (value: unknown): Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The ordered ladder; index i migrates shape i+1 to i+2. */
export const reviewMigrations: readonly MigrationStep[] = [
  {
    from: 1,
    name: 'v1→v2: split causes, rename plan to actions with status and check-ins, add revision, place and commitment',
    migrate: (v1) => {
      const oldLevels: Record<string, string> = { unset: 'unset', no: 'none', some: 'some', clear: 'clear' };
      const answers: Json = {};
      for (const [itemId, raw] of Object.entries(asRecord(v1['answers']))) {
        const answer = asRecord(raw);
        answers[itemId] = {
          assessment: oldLevels[asString(answer['level'])] ?? 'unset',
          observed: asString(answer['notes']),
          causesSubjective: asString(answer['causes']),
          causesObjective: '',
        };
      }
      const plan = Array.isArray(v1['plan']) ? v1['plan'] : [];
      const member = asRecord(v1['member']);
      return {
        shapeVersion: 2,
        id: v1['id'],
        checklistId: v1['checklistId'],
        period: v1['period'],
        createdAt: v1['createdAt'],
        updatedAt: v1['updatedAt'],
        revision: 0,
        member: {
          name: asString(member['name']),
          branch: asString(member['branch']),
          partyCommittee: asString(member['partyCommittee']),
          position: asString(member['position']),
          place: '',
        },
        answers,
        strengths: asString(v1['strengths']),
        commitment: '',
        actions: plan.map((raw: unknown) => {
          const step = asRecord(raw);
          return {
            id: step['id'],
            itemId: asString(step['itemId']),
            what: asString(step['what']),
            deadline: asString(step['deadline']),
            measure: asString(step['measure']),
            followUpBy: asString(step['followUpBy']),
            status: step['done'] === true ? 'done' : 'not-started',
            checkIns: [],
          };
        }),
      };
    },
  },
];

/** Why a stored or imported record could not be read; `message` is shown to the member. */
export class ReviewFormatError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ReviewFormatError';
  }
}

/** Reads the shape version of a raw record: v1 used `version`, later shapes `shapeVersion`. */
export function readShapeVersion(record: Json): number | undefined {
  const version = record['shapeVersion'] ?? record['version'];
  return typeof version === 'number' && Number.isInteger(version) ? version : undefined;
}

/**
 * The "restore" step for anything loaded: refuses unsafe data, normalises text to NFC, runs the
 * migrations from the record's version to the current one, then validates the result.
 */
export function restoreReview(raw: unknown): Review {
  let record: Json;
  try {
    const normalised = normalizeJson(raw);
    if (normalised === null || typeof normalised !== 'object' || Array.isArray(normalised)) {
      throw new ReviewFormatError('Dữ liệu không phải một bản tự soi.');
    }
    record = normalised as Json;
  } catch (error) {
    if (error instanceof UnsafeDataError)
      throw new ReviewFormatError('Dữ liệu có nội dung không an toàn nên không được đọc.', error.path);
    throw error;
  }
  const version = readShapeVersion(record);
  if (version === undefined) throw new ReviewFormatError('Không xác định được phiên bản của bản tự soi.');
  if (version > REVIEW_SHAPE_VERSION) {
    throw new ReviewFormatError(
      'Bản tự soi được tạo bởi phiên bản mới hơn của trang. Hãy tải lại trang để cập nhật rồi thử lại.',
    );
  }
  if (version < 1) throw new ReviewFormatError('Phiên bản của bản tự soi không hợp lệ.');
  for (const step of reviewMigrations.slice(version - 1)) record = step.migrate(record);
  const checked = checkReview(record);
  if (!checked.ok) {
    throw new ReviewFormatError(
      `Ô “${fieldLabel(checked.where)}” sai kiểu hoặc quá dài.`,
      `${checked.where}: ${checked.message}`,
    );
  }
  return checked.review;
}
