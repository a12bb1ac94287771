import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFaqAnswerer } from '../../src/faq/create-faq-answerer.ts';
import type { Classification } from '../../src/faq/types.ts';
import { hostileText, hugeText } from './hostile-text.ts';

const answerer = createFaqAnswerer();
const LABEL = /^(faq:[1-9][0-9]?|action:(status|annotate|download)|smalltalk|none)$/;
const LOCALES = ['zh-Hans', 'zh-Hant', 'en'];
const MAX_MS = 2_000;

function classifyChecked(text: string): Classification {
  const started = performance.now();
  const classification = answerer.classify(text);
  expect(performance.now() - started).toBeLessThan(MAX_MS);
  expect(classification.label).toMatch(LABEL);
  expect(Number.isFinite(classification.confidence)).toBe(true);
  expect(classification.confidence).toBeGreaterThanOrEqual(0);
  expect(classification.confidence).toBeLessThanOrEqual(1);
  expect(LOCALES).toContain(classification.locale);
  expect(typeof classification.normalized).toBe('string');
  expect(classification.suggestions.length).toBeLessThanOrEqual(3);
  for (const entry of classification.suggestions) expect(answerer.questionOf(entry, classification.locale).trim()).not.toBe('');
  return classification;
}

function expectAnswerable(classification: Classification): void {
  const reply = classification.label.startsWith('faq:')
    ? answerer.answerEntry(Number(classification.label.slice(4)), classification.locale)
    : answerer.unsure(classification);
  expect(reply.text.trim()).not.toBe('');
  for (const button of reply.buttons ?? []) expect(button.label.trim()).not.toBe('');
}

describe('FAQ classifier under random and hostile input', () => {
  it('classifies any Unicode text to a known label with a sane confidence, and every label can be answered', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const classification = classifyChecked(text);
        expectAnswerable(classification);
        // Pure: the same text always gets the same answer.
        expect(answerer.classify(text)).toEqual(classification);
      }),
      { numRuns: 2_000 },
    );
  });

  it('copes with messages of up to 20,000 characters within the time bound', () => {
    fc.assert(
      fc.property(hugeText, (text) => {
        expectAnswerable(classifyChecked(text));
      }),
      { numRuns: 60 },
    );
  });

  it('answers the "not sure" reply for texts that are nothing but controls, marks and whitespace', () => {
    const nothing = fc.string({ unit: fc.constantFrom('\u0000', '\u200f', '\u202e', '\ufeff', '\u200b', ' ', '\t', '\n', '\ud800', '\u0301'), minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(nothing, (text) => {
        const classification = classifyChecked(text);
        expect(classification.label).toBe('none');
        expectAnswerable(classification);
      }),
      { numRuns: 300 },
    );
  });
});
