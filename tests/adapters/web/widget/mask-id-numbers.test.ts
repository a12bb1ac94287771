import { describe, expect, it } from 'vitest';
import { maskIdNumbers } from '../../../../adapters/web/widget/mask-id-numbers.ts';

describe('maskIdNumbers (widget)', () => {
  it('keeps the first three and last four characters of an 18-digit ID number', () => {
    expect(maskIdNumbers('李娜 310115198805122347')).toBe('李娜 310***********2347');
    expect(maskIdNumbers('身份证11010519491231002X。')).toBe('身份证110***********002X。');
  });

  it('leaves other numbers alone', () => {
    expect(maskIdNumbers('证书编号 YJ2021000123，电话 13800138000')).toBe('证书编号 YJ2021000123，电话 13800138000');
    expect(maskIdNumbers('3101151988051223471')).toBe('3101151988051223471');
  });
});
