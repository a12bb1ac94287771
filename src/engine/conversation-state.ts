import { z } from 'zod';
import type { TranscriptLine } from '../handoff/types.ts';
import { maskIdNumbers } from '../logging.ts';
import { storableText } from './storable-text.ts';
import type { Locale } from './types.ts';

export const TRANSCRIPT_LINES = 20;
/** Long FAQ answers are kept short in the transcript: staff need the gist, the state stays small. */
export const TRANSCRIPT_LINE_CHARACTERS = 500;

const localeSchema = z.enum(['zh-Hans', 'zh-Hant', 'en']);

/** A running flow as saved: `{id, version, state}` plus the run's key and its count of invalid answers. */
export const flowInstanceSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  key: z.string(),
  invalid: z.number().int().min(0),
  state: z.unknown(),
});

export const conversationStateSchema = z.object({
  locale: localeSchema.default('zh-Hans'),
  flow: flowInstanceSchema.nullable().default(null),
  /** Consecutive messages the bot did not understand: the second opens a handoff. */
  misunderstood: z.number().int().min(0).default(0),
  /** The ticket this chat opened: only then is the desk asked whether staff still hold the chat. */
  handoffTicketId: z.string().nullable().default(null),
  transcript: z
    .array(z.object({ from: z.enum(['user', 'bot', 'staff']), text: z.string(), at: z.string() }))
    .default([]),
});

export type FlowInstance = z.infer<typeof flowInstanceSchema>;
export type ConversationState = z.infer<typeof conversationStateSchema>;

export function initialState(locale: Locale = 'zh-Hans'): ConversationState {
  return { locale, flow: null, misunderstood: 0, handoffTicketId: null, transcript: [] };
}

/** A saved state that no longer parses starts over rather than failing the turn. */
export function parseConversationState(saved: unknown, fallbackLocale?: Locale): ConversationState {
  const parsed = conversationStateSchema.safeParse(saved);
  return parsed.success ? parsed.data : initialState(fallbackLocale);
}

/** Appends a line with ID numbers masked, keeping only the last TRANSCRIPT_LINES lines. */
export function appendTranscript(
  transcript: TranscriptLine[],
  from: TranscriptLine['from'],
  text: string,
  at: Date,
): TranscriptLine[] {
  if (!text) return transcript;
  const short = text.length > TRANSCRIPT_LINE_CHARACTERS ? `${storableText(text.slice(0, TRANSCRIPT_LINE_CHARACTERS))}…` : text;
  return [...transcript, { from, text: maskIdNumbers(short), at: at.toISOString() }].slice(-TRANSCRIPT_LINES);
}
