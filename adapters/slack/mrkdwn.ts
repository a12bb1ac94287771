import { maskIdNumbers } from '../../src/logging.ts';

/** Slack mrkdwn treats `&`, `<` and `>` as control characters; user and FAQ text must be escaped. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Splits long text at line breaks so each piece fits one section block (Slack's limit is 3000). */
export function splitForSections(text: string, limit = 2900): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    if (current !== '') pieces.push(current);
    current = line;
    while (current.length > limit) {
      pieces.push(current.slice(0, limit));
      current = current.slice(limit);
    }
  }
  if (current.trim() !== '') pieces.push(current);
  return pieces;
}

export function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, Math.max(0, limit - 1))}…`;
}

/** Masks every string inside a payload (text, blocks, fields): nothing ID-shaped leaves for Slack. */
export function maskDeep<T>(value: T): T {
  if (typeof value === 'string') return maskIdNumbers(value) as T;
  if (Array.isArray(value)) return value.map((item) => maskDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskDeep(item)])) as T;
  }
  return value;
}

/** Slack sends message text with `&<>` escaped and links as `<url|label>`; people on other channels get plain text. */
export function slackTextToPlain(text: string): string {
  return text
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
