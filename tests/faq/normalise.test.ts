import { describe, expect, it } from 'vitest';
import { capLength, MAX_CLASSIFIED_CHARS, normalise } from '../../src/faq/normalise.ts';

describe('normalise', () => {
  it('folds full-width forms and case (NFKC)', () => {
    expect(normalise('ＦＡＱ　７')).toBe('faq 7');
    expect(normalise('ＨＥＬＬＯ！')).toBe('hello');
  });

  it('converts traditional to simplified', () => {
    expect(normalise('證書下載頁面顯示為空白')).toBe('证书下载页面显示为空白');
    expect(normalise('發給我下載連結')).toBe('发给我下载链接');
  });

  it('fixes domain typos and homophones', () => {
    expect(normalise('我想加住')).toBe('我想加注');
    expect(normalise('嘉注过其了')).toBe('加注过期了');
    expect(normalise('登陆以后')).toBe('登录以后');
    expect(normalise('电子证数')).toBe('电子证书');
    expect(normalise('撤消')).toBe('撤销');
    expect(normalise('法律效应')).toBe('法律效力');
    expect(normalise('咋办')).toBe('怎么办');
    expect(normalise('啥是加注')).toBe('什么是加注');
    expect(normalise('电子证书在那里下载')).toBe('电子证书在哪里下载');
  });

  it('folds written Cantonese onto Mandarin', () => {
    expect(normalise('證書下載咗打唔開')).toBe('证书下载了打不开');
    expect(normalise('請問證書喺邊度下載')).toBe('请问证书在哪里下载');
    expect(normalise('我張證書出咗未')).toBe('我张证书出了没');
    expect(normalise('系統')).toBe('系统');
  });

  it('strips stray pinyin in parentheses after Chinese characters only', () => {
    expect(normalise('现(xiàn)在的位置')).toBe('现在的位置');
    expect(normalise('網(wǎng)校')).toBe('网校');
    expect(normalise('download (pdf)')).toBe('download pdf');
  });

  it('removes punctuation, emoji and control characters, keeps one space between words', () => {
    expect(normalise('证书，打不开？？😀')).toBe('证书打不开');
    expect(normalise('a\u0000b\u200bc')).toBe('a b c');
    expect(normalise('  加 注  ')).toBe('加注');
    expect(normalise('😀🎉')).toBe('');
  });

  it('unifies English spellings', () => {
    expect(normalise("I can't open my e-cert")).toBe('i cannot open my certificate');
    expect(normalise('Certs won’t download')).toBe('certificate will not download');
  });

  it('caps the work at the first characters and never splits a surrogate pair', () => {
    expect(normalise('加'.repeat(20_000)).length).toBe(MAX_CLASSIFIED_CHARS);
    const emoji = '😀'.repeat(10);
    expect(capLength(emoji, 3)).toBe('😀😀😀');
  });
});
