import { describe, expect, it } from 'vitest';
import { cleanText, cleanTyping, countCharacters, normalizeJson, pasteOverflow, samePassphrase } from '../../src/domain/text';

describe('text typed by a member', () => {
  it('keeps the caret where decomposed Vietnamese is typed in the middle of a sentence', () => {
    const before = 'thê';
    const typed = `${before}m chữ. Cuối câu.`.normalize('NFD');
    // The caret sits after the "m" the member just typed (in the decomposed text).
    const caret = `${before}m`.normalize('NFD').length;
    const cleaned = cleanTyping(typed, caret);
    expect(cleaned.text).toBe('thêm chữ. Cuối câu.');
    expect(cleaned.text.slice(0, cleaned.caret)).toBe('thêm');
  });

  it('leaves the caret alone when nothing changes', () => {
    expect(cleanTyping('đã ổn', 2)).toEqual({ text: 'đã ổn', caret: 2 });
  });

  it('drops bidi override and isolate controls, which can reverse how a line is shown', () => {
    expect(cleanText('Kỳ \u202Enăm 2022\u202C')).toBe('Kỳ năm 2022');
    expect(cleanText('a\u2066b\u2069')).toBe('ab');
    expect(normalizeJson({ period: '\u202Eabc' })).toEqual({ period: 'abc' });
  });

  it('is NFC after dropping controls that sat between a letter and its mark', () => {
    expect(cleanText('e\u202A\u0301')).toBe('é');
  });

  it('counts characters as a person does', () => {
    expect(countCharacters('😀😀😀😀')).toBe(4);
    expect(countCharacters('ệ'.normalize('NFD'))).toBe(1);
    expect(countCharacters('mật khẩu')).toBe(8);
  });

  it('compares passphrases whatever Unicode form each box received', () => {
    expect(samePassphrase('Hà Tĩnh 2022'.normalize('NFD'), 'Hà Tĩnh 2022')).toBe(true);
  });

  it('says how much of a paste an input will cut', () => {
    expect(pasteOverflow(0, 0, 25_908, 20_000)).toBe(5_908);
    expect(pasteOverflow(100, 100, 20_000, 20_000)).toBe(0);
  });
});
