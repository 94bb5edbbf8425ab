/**
 * Schema of a checklist (content/checklists/*.yaml): the list of manifestations a member checks
 * themself against. Items are data, never code, so another list works without code changes.
 */
import { z } from 'zod';

/** One manifestation to check. */
export const checklistItemSchema = z.object({
  /** Stable id, never renumbered: reviews refer to it (e.g. "I-5"). */
  id: z.string().regex(/^[A-Za-z0-9.-]+$/),
  /** Short label in the project's own words. */
  label: z.string().min(2),
  /** One neutral line saying what the item is about (our summary, not the official text). */
  gist: z.string().min(2),
  /** How well our summary is confirmed by sources: H high, M medium, L low (order and keywords only). */
  confidence: z.enum(['H', 'M', 'L']).optional(),
  /** Official wording, pasted in by the deploying organisation; when absent the site shows the summary and says so. */
  officialText: z.string().min(2).optional(),
});

/** A group of items, e.g. "Nhóm I — Suy thoái về tư tưởng chính trị". */
export const checklistGroupSchema = z.object({
  /** Stable group id (e.g. "I"). */
  id: z.string().regex(/^[A-Za-z0-9.-]+$/),
  /** Group title. */
  title: z.string().min(2),
  /** Items in official order. */
  items: z.array(checklistItemSchema).min(1),
});

export const checklistSchema = z
  .object({
    /** Title of the checklist. */
    title: z.string().min(3),
    /** Short title for selectors and the PDF. */
    shortTitle: z.string().min(2),
    /** Symbol of the source document, e.g. "04-NQ/TW". */
    sourceSymbol: z.string().min(2),
    /** Slug of the source document page under /van-ban/, if the site publishes it. */
    sourceDocument: z.string().optional(),
    /** Where the official text is published. */
    officialSource: z.object({
      /** Name of the publisher or archive. */
      name: z.string().min(2),
      /** Home page of the archive. */
      url: z.url().optional(),
    }),
    /** Groups in official order. */
    groups: z.array(checklistGroupSchema).min(1),
  })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    for (const group of list.groups) {
      for (const item of group.items) {
        if (seen.has(item.id)) {
          ctx.addIssue({ code: 'custom', message: `Mã mục bị trùng: ${item.id}`, path: ['groups'] });
        }
        seen.add(item.id);
      }
    }
  });

export type ChecklistData = z.infer<typeof checklistSchema>;
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type ChecklistGroup = z.infer<typeof checklistGroupSchema>;
