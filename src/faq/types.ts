import type { IntentLabel, Locale, Reply } from '../engine/types.ts';

/** What the answerer concluded about one message. Pure and synchronous: no I/O. */
export interface Classification {
  label: IntentLabel;
  /** 0..1; retrieval answers below the threshold become `none` with suggestions. */
  confidence: number;
  /** The language and script the user wrote in (simplified Chinese when unsure). */
  locale: Locale;
  /** The text after normalisation (NFKC, traditional to simplified, typos, lower case). */
  normalized: string;
  /** Closest FAQ entry numbers, best first (at most 3), whatever the label. */
  suggestions: number[];
}

export interface FaqAnswerer {
  classify(text: string): Classification;
  /** The full answer of entry `number` in `locale`, with follow-up buttons to related entries. */
  answerEntry(number: number, locale: Locale): Reply;
  /** The honest "not sure" reply: the closest entries as buttons and a way to reach a human. */
  unsure(classification: Classification): Reply;
  /** Question title of an entry in a locale (for buttons and transcripts). */
  questionOf(number: number, locale: Locale): string;
}
