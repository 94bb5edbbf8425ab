/** Heading anchors written like the site's addresses: lower case, no diacritics, words joined by "-". */

/**
 * "về-trang-này" → "ve-trang-nay". An anchor with diacritics travels through chat apps as
 * "%E1%BB%81…"; folded, a link to one section stays readable. "đ" has no decomposition, so it is
 * mapped by hand.
 */
export function plainAnchor(slug: string): string {
  return slug
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}
