import type { Card, Locale, Reply } from '../../src/engine/types.ts';
import { localize } from '../../src/i18n/locale.ts';
import type { CallbackDataStore } from './callback-data.ts';
import { phrases } from './phrases.ts';
import { splitText } from './split-text.ts';

export type InlineButton = { text: string; callback_data: string } | { text: string; url: string };

/** One sendMessage call, minus the chat id. Plain text: no parse_mode, so nothing needs escaping. */
export interface OutgoingMessage {
  text: string;
  reply_markup?: { inline_keyboard: InlineButton[][] };
}

const BUTTON_LABEL_LIMIT = 64;

/**
 * Renders one neutral reply as Telegram messages: buttons become an inline keyboard (one button
 * per row), a link a URL button, a card plain text lines. Long texts are split; the keyboard
 * rides on the last piece. An empty reply renders as nothing, a reply with only buttons gets
 * a short "please choose" text because Telegram refuses an empty message.
 */
export function renderReply(reply: Reply, locale: Locale, callbackData: CallbackDataStore): OutgoingMessage[] {
  const rows: InlineButton[][] = [];
  for (const button of reply.buttons ?? []) {
    const label = (button.label.trim() || button.value.trim()).slice(0, BUTTON_LABEL_LIMIT);
    if (!label || !button.value) continue;
    rows.push([{ text: label, callback_data: callbackData.encode(button.value) }]);
  }
  const textParts = [reply.text.trim()];
  if (reply.card) textParts.push(renderCard(reply.card));
  if (reply.link) {
    if (isButtonUrl(reply.link.url)) rows.push([{ text: reply.link.label.trim() || reply.link.url, url: reply.link.url }]);
    else textParts.push(`${reply.link.label}: ${reply.link.url}`);
  }
  let body = textParts.filter((part) => part.length > 0).join('\n\n');
  if (!body && rows.length === 0) return [];
  if (!body) body = localize(phrases.chooseOption, locale);
  const pieces = splitText(body);
  return pieces.map((text, index) =>
    index === pieces.length - 1 && rows.length > 0 ? { text, reply_markup: { inline_keyboard: rows } } : { text },
  );
}

export function renderCard(card: Card): string {
  const lines = [card.title.trim(), ...card.fields.map((field) => `${field.label}: ${field.value}`)];
  return lines.filter((line) => line.length > 0).join('\n');
}

/** Telegram rejects URL buttons that are not http(s) or that point at a loopback host; those go in the text. */
export function isButtonUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  const host = parsed.hostname;
  return !(host === 'localhost' || host.endsWith('.localhost') || host.startsWith('127.') || host === '[::1]' || host === '0.0.0.0');
}
