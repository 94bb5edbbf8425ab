/**
 * The printed plan's document model (built by layout.ts, drawn by render.ts and the HTML print
 * view): blocks of styled text, tables and sections, with nothing about drawing.
 */

/** What the member chose to print. */
export interface PlanOptions {
  /** "full": the whole self-review (sections I–IV); "plan-only": strengths, plan and commitment. */
  readonly scope: 'full' | 'plan-only';
  /** Whether what the member observed and the causes they wrote are printed under each manifestation. */
  readonly includeNotes: boolean;
  /** Whether the monthly check-ins are printed as a table after the plan (default: no). */
  readonly includeCheckIns?: boolean;
  /** Whether a box for the branch committee's comments follows the signature (default: no). */
  readonly includeCommitteeBox?: boolean;
}

export type FontStyle = 'normal' | 'bold' | 'italic';

/** A stretch of text in one style. `blank` marks a dotted placeholder the member fills in by hand. */
export interface TextRun {
  readonly text: string;
  readonly style: FontStyle;
  readonly blank: boolean;
}

/** A paragraph of runs. A trailing blank run is stretched to the end of the line by renderers that can. */
export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly runs: readonly TextRun[];
  /** First-line indent, as body paragraphs of Party documents have. */
  readonly indent: boolean;
}

/** Whole lines of dots where the member writes by hand (an empty free-text field). */
export interface DottedLinesBlock {
  readonly kind: 'dotted-lines';
  readonly count: number;
}

export interface TableColumn {
  readonly title: string;
  /** Width in millimetres on A4 with the document margins; the HTML view uses the proportions. */
  readonly width: number;
  readonly align: 'left' | 'center';
}

export interface TableCell {
  /** Cell text as typed; line breaks kept. */
  readonly text: string;
  readonly blank: boolean;
  /** A second, secondary line under the text (the manifestation an action remedies), or null. */
  readonly note: string | null;
}

export interface TableBlock {
  readonly kind: 'table';
  /** Short description of the table for assistive technology (HTML caption). */
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableCell[])[];
}

export type Block = ParagraphBlock | DottedLinesBlock | TableBlock;

export type SectionId = 'strengths' | 'manifestations' | 'plan' | 'check-ins' | 'commitment' | 'committee';

export interface Section {
  readonly id: SectionId;
  /** Heading as printed, numbered with a Roman numeral ("III. KẾ HOẠCH KHẮC PHỤC"). */
  readonly heading: string;
  readonly blocks: readonly Block[];
}

export interface PlanDocument {
  readonly meta: {
    /** Fixed document title for the PDF metadata: never user text. */
    readonly title: string;
    readonly fileName: string;
    /** 32 hex digits derived from the review id and the clock (PDF /ID), so output is reproducible. */
    readonly fileId: string;
    /** The clock the document was made with (ISO), used as the PDF creation date. */
    readonly createdAt: string;
    readonly scope: PlanOptions['scope'];
    readonly includeNotes: boolean;
  };
  readonly header: {
    /** Upper case, e.g. "ĐẢNG BỘ KHỐI CƠ QUAN TỈNH". */
    readonly committee: string;
    /** Upper case, printed bold, e.g. "CHI BỘ PHÒNG TỔ CHỨC". */
    readonly branch: string;
    readonly party: string;
    /** Italic place-and-date line, e.g. "Hà Tĩnh, ngày 20 tháng 5 năm 2022". */
    readonly placeDate: string;
  };
  readonly title: string;
  /** Bold line under the title naming the period ("Kỳ: …"). */
  readonly summary: string;
  /** Italic line naming the checklist the review was made against; null for the plan only. */
  readonly basis: string | null;
  /** "Họ và tên", "Chức vụ", "Chi bộ" lines. */
  readonly identity: readonly ParagraphBlock[];
  readonly sections: readonly Section[];
  /** Sections printed after the member's signature (the committee's comments), possibly none. */
  readonly afterSignature: readonly Section[];
  readonly signature: {
    readonly role: string;
    readonly hint: string;
    readonly name: string;
    readonly nameBlank: boolean;
  };
}
