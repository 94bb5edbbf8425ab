/** Reading the documents collection in the order the site shows it. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { documentKinds, type DocumentKind } from '../domain/document-schema';

export type DocumentEntry = CollectionEntry<'documents'>;

/** All documents, by their `order` field then title. */
export async function getSortedDocuments(): Promise<DocumentEntry[]> {
  const entries = await getCollection('documents');
  return entries.sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title, 'vi'));
}

/** Documents grouped by kind, in the kind order of `documentKinds`; empty kinds left out. */
export function groupByKind(
  entries: readonly DocumentEntry[],
): { kind: DocumentKind; label: string; entries: DocumentEntry[] }[] {
  return (Object.keys(documentKinds) as DocumentKind[])
    .map((kind) => ({ kind, label: documentKinds[kind], entries: entries.filter((entry) => entry.data.kind === kind) }))
    .filter((group) => group.entries.length > 0);
}
