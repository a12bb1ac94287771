import { z } from 'zod';

/**
 * A message a person typed: edits, joins, bot posts and other subtypes carry `subtype` or
 * `bot_id` and are not this shape.
 */
const personMessage = z.object({
  type: z.literal('message'),
  channel: z.string().min(1),
  channel_type: z.string().optional(),
  user: z.string().min(1),
  text: z.string(),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
  subtype: z.undefined().optional(),
  bot_id: z.undefined().optional(),
});

export type PersonMessage = z.infer<typeof personMessage>;

export function asPersonMessage(event: unknown): PersonMessage | null {
  const parsed = personMessage.safeParse(event);
  return parsed.success && parsed.data.text.trim() !== '' ? parsed.data : null;
}
