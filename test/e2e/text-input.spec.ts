/** What a member types stays where it is typed, within limits the member can see. */
import { expect, test } from '@playwright/test';
import { createReview, fillItem, readRawDatabase, waitUntilSaved } from './helpers';

test('decomposed Vietnamese typed in the middle of a note appears where it is typed', async ({ page }) => {
  await createReview(page, 'Kỳ gõ tổ hợp');
  await fillItem(page, 'I-1', { level: 'some', observed: 'th Cuối câu.' });
  const note = page.locator('#item-I-1-observed');
  await note.focus();
  await note.evaluate((element: HTMLTextAreaElement) => element.setSelectionRange(2, 2));
  // "Unicode tổ hợp" input methods send the letter, then its combining mark, as separate characters.
  for (const piece of ['e', '\u0302', 'm']) await page.keyboard.insertText(piece);
  await expect(note).toHaveValue('thêm Cuối câu.');
  await waitUntilSaved(page);
  const stored = JSON.stringify((await readRawDatabase(page))['reviews']);
  expect(stored).toContain('thêm Cuối câu.');
});

test('the period field accepts exactly what a save accepts, and a cut paste is announced', async ({ page }) => {
  await createReview(page, 'Kỳ giới hạn');
  await page.getByRole('link', { name: 'Thông tin', exact: true }).click();
  const period = page.getByLabel('Kỳ tự soi');
  await expect(period).toHaveAttribute('maxlength', '200');
  await period.fill('x'.repeat(250));
  await expect(period).toHaveValue('x'.repeat(200));
  await waitUntilSaved(page);

  await page.getByRole('link', { name: /^Tự soi \(/ }).click();
  await fillItem(page, 'I-1', { level: 'some' });
  const note = page.locator('#item-I-1-observed');
  await note.evaluate((element: HTMLTextAreaElement) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'a'.repeat(25_908));
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole('status').filter({ hasText: 'đã bị bỏ' })).toContainText('5.908');
});
