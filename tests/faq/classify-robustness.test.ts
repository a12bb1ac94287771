import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFaqAnswerer } from '../../src/faq/create-faq-answerer.ts';

const answerer = createFaqAnswerer();
const LABEL = /^(?:faq:(?:[1-9]|1[0-7])|action:(?:status|annotate|download)|smalltalk|none)$/;

describe('classify on arbitrary input', () => {
  it('never throws, returns a known label, a confidence in 0..1 and at most three suggestions', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (text) => {
        const classification = answerer.classify(text);
        expect(classification.label).toMatch(LABEL);
        expect(classification.confidence).toBeGreaterThanOrEqual(0);
        expect(classification.confidence).toBeLessThanOrEqual(1);
        expect(classification.suggestions.length).toBeLessThanOrEqual(3);
        const reply = answerer.unsure(classification);
        expect(reply.text.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same text always gets the same classification', () => {
    fc.assert(
      fc.property(fc.constantFrom('加注过期了', 'my cert will not open', '證書打不開', '帮我加注', 'asdf'), fc.string(), (base, noise) => {
        const text = `${base}${noise}`;
        expect(answerer.classify(text)).toEqual(answerer.classify(text));
      }),
      { numRuns: 100 },
    );
  });
});
