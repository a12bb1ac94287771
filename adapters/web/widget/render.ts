import { element } from './dom.ts';
import type { UiStrings } from './strings.ts';
import type { Entry, Reply } from './wire.ts';

export interface RenderContext {
  strings: UiStrings;
  /** Relative link urls are resolved against the server that served the widget. */
  baseUrl: string;
  onButton: (label: string, value: string) => void;
}

/** Only http(s) links become anchors; anything else (javascript:, data:) is shown as plain text. */
function safeUrl(url: string, baseUrl: string): string | undefined {
  try {
    const resolved = new URL(url, baseUrl);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

function renderReply(reply: Reply, context: RenderContext): HTMLElement {
  const bubble = element('div', 'message bot');
  bubble.append(element('span', 'visually-hidden', `${context.strings.assistant}: `), element('p', 'text', reply.text));

  if (reply.card) {
    const card = element('section', 'card');
    card.append(element('h3', 'card-title', reply.card.title));
    const fields = element('dl');
    for (const field of reply.card.fields) fields.append(element('dt', undefined, field.label), element('dd', undefined, field.value));
    card.append(fields);
    bubble.append(card);
  }

  if (reply.link) {
    const href = safeUrl(reply.link.url, context.baseUrl);
    if (href) {
      const anchor = element('a', 'link', reply.link.label);
      anchor.href = href;
      anchor.target = '_blank';
      anchor.rel = 'noopener noreferrer';
      anchor.append(element('span', 'visually-hidden', ` ${context.strings.opensInNewTab}`));
      bubble.append(anchor);
    } else {
      bubble.append(element('p', 'text', `${reply.link.label}: ${reply.link.url}`));
    }
  }

  if (reply.buttons && reply.buttons.length > 0) {
    const group = element('div', 'quick-replies');
    group.setAttribute('role', 'group');
    for (const button of reply.buttons) {
      const node = element('button', 'quick-reply', button.label);
      node.type = 'button';
      node.addEventListener('click', () => context.onButton(button.label, button.value));
      group.append(node);
    }
    bubble.append(group);
  }
  return bubble;
}

export function renderEntry(entry: Entry, context: RenderContext): HTMLElement {
  if (entry.from === 'bot') return renderReply(entry.reply, context);
  const bubble = element('div', 'message user');
  bubble.append(element('span', 'visually-hidden', `${context.strings.you}: `), element('p', 'text', entry.text));
  return bubble;
}

/** A line from the widget itself (offline, busy): shown, announced, not kept across reloads. */
export function renderNotice(text: string): HTMLElement {
  return element('div', 'message notice', text);
}
