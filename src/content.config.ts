/**
 * Content collections. Everything the site publishes lives in ../content and is validated here:
 * a wrong field fails the build with the file name and the field path (Astro's schema error).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { checklistSchema } from './domain/checklist-schema';
import { documentSchema } from './domain/document-schema';

/** Where content lives; overridable so a test can build a deliberately broken copy. */
const contentRoot = process.env['TSTS_CONTENT_DIR'] ?? './content';

const documents = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `${contentRoot}/documents` }),
  schema: documentSchema,
});

const checklists = defineCollection({
  loader: glob({ pattern: '**/*.{yaml,yml,json}', base: `${contentRoot}/checklists` }),
  schema: checklistSchema,
});

export const collections = { documents, checklists };
