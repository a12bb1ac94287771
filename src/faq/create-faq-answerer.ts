import type { Locale, Reply } from '../engine/types.ts';
import { detectLocale, localize } from '../i18n/locale.ts';
import { matchAction } from './action-rules.ts';
import type { FaqEntry } from './entry-schema.ts';
import { matchFaqReference } from './faq-reference.ts';
import { loadFaqEntries } from './load-entries.ts';
import { capLength, normalise } from './normalise.ts';
import { hasDomainAnchor, isNeighbourTopic, isOtherDocument } from './out-of-domain.ts';
import { entryReply, unsureReply } from './replies.ts';
import { FaqRetriever } from './retrieval.ts';
import { isSmalltalk } from './smalltalk-rules.ts';
import type { Classification, FaqAnswerer } from './types.ts';

/** Retrieval scores below this are not trusted: the user gets "not sure" and suggestions instead. */
export const CONFIDENCE_THRESHOLD = 0.45;
/** A neighbouring topic (exam dates, scores, training) is answered only on evidence this strong. */
export const NEIGHBOUR_TOPIC_THRESHOLD = 0.85;
const RULE_CONFIDENCE = 0.95;

/**
 * The rule-based answerer. Indexes are built here, once; `classify` is then pure, synchronous and
 * cheap. Order: explicit entry reference (`FAQ 7`), smalltalk, actions, then retrieval, trusted only
 * above a threshold, on a message that names something of our domain, not another document and not
 * a neighbouring topic.
 */
export function createFaqAnswerer(entries: FaqEntry[] = loadFaqEntries()): FaqAnswerer {
  const byNumber = new Map(entries.map((entry) => [entry.number, entry]));
  const retriever = new FaqRetriever(entries);

  function entryOrThrow(number: number): FaqEntry {
    const entry = byNumber.get(number);
    if (!entry) throw new RangeError(`FAQ entry ${number} does not exist (known: 1..${entries.length})`);
    return entry;
  }

  function classify(text: string): Classification {
    const raw = typeof text === 'string' ? text : '';
    const locale = detectLocale(capLength(raw));
    const normalized = normalise(raw);
    const result = (label: Classification['label'], confidence: number, suggestions: number[] = []): Classification => ({
      label,
      confidence,
      locale,
      normalized,
      suggestions,
    });
    if (normalized.length === 0) return result('none', 0);

    const reference = matchFaqReference(normalized);
    if (reference !== undefined && byNumber.has(reference)) return result(`faq:${reference}`, 1, [reference]);

    const ranked = retriever.search(normalized);
    const suggestions = ranked.slice(0, 3).map((scored) => scored.number);
    if (isSmalltalk(normalized)) return result('smalltalk', RULE_CONFIDENCE, suggestions);
    const action = matchAction(normalized);
    if (action) return result(action, RULE_CONFIDENCE, suggestions);

    const best = ranked[0];
    if (!best || best.score < CONFIDENCE_THRESHOLD) return result('none', best?.score ?? 0, suggestions);
    if (!hasDomainAnchor(retriever.correctSpelling(normalized)) || isOtherDocument(normalized)) return result('none', best.score, suggestions);
    if (isNeighbourTopic(normalized) && best.score < NEIGHBOUR_TOPIC_THRESHOLD) return result('none', best.score, suggestions);
    return result(`faq:${best.number}`, Number(best.score.toFixed(3)), suggestions);
  }

  return {
    classify,
    answerEntry: (number: number, locale: Locale): Reply => entryReply(entryOrThrow(number), byNumber, locale),
    unsure: (classification: Classification): Reply => unsureReply(classification.suggestions, byNumber, classification.locale),
    questionOf: (number: number, locale: Locale): string => localize(entryOrThrow(number).question, locale),
  };
}
