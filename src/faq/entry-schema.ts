import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');

const bilingual = z.object({ zh: text, en: text }).strict();

/** The actions an entry can point to with a button; the dialog engine runs them. */
export const entryActionSchema = z.enum(['annotate', 'download', 'status', 'handoff']);
export type EntryAction = z.infer<typeof entryActionSchema>;

/** One FAQ entry as stored in `faq/NN.json`: simplified Chinese and English, traditional is derived. */
export const faqEntrySchema = z
  .object({
    number: z.number().int().min(1).max(99),
    question: bilingual,
    answer: bilingual,
    related: z.array(z.number().int().min(1).max(99)).max(5).default([]),
    action: entryActionSchema.optional(),
    keywords: z.array(text).min(1),
    /** Phrases that point elsewhere: when one is present the entry's keyword evidence is halved. */
    excludes: z.array(text).default([]),
    phrasings: z.array(text).default([]),
  })
  .strict();

export type FaqEntry = z.infer<typeof faqEntrySchema>;
