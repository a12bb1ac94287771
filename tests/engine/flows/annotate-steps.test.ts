import { describe, expect, it } from 'vitest';
import { parseValidity, recogniseValidity, statedValidity } from '../../../src/engine/flows/annotate-steps.ts';

describe('annotation validity', () => {
  it('reads an answer to the validity question: 1 to 90 days, or the default', () => {
    expect(parseValidity('30')).toBe(30);
    expect(parseValidity(' 7 天 ')).toBe(7);
    expect(parseValidity('90 days')).toBe(90);
    expect(parseValidity('默认')).toBe(90);
    expect(parseValidity('0')).toBeNull();
    expect(parseValidity('91')).toBeNull();
    expect(parseValidity('三十天')).toBeNull();
  });

  it('recognises out-of-range numbers as answers, so they are re-prompted precisely', () => {
    expect(recogniseValidity('120')).toBe('strong');
    expect(recogniseValidity('加注过期了怎么办')).toBe('none');
  });

  it('finds a validity named inside the request itself', () => {
    expect(statedValidity('申请加注30天')).toBe(30);
    expect(statedValidity('我要给证书加注 90 天')).toBe(90);
    expect(statedValidity('annotate my certificate for 7 days')).toBe(7);
    expect(statedValidity('加注120天')).toBeNull();
    expect(statedValidity('申请加注')).toBeNull();
    expect(statedValidity('2022年一建加注')).toBeNull();
  });
});
