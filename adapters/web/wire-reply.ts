import type { Reply } from '../../src/engine/types.ts';

/** A reply as the widget receives it: only the neutral fields, nothing else an engine may attach. */
export function toWireReply(reply: Reply): Reply {
  const wire: Reply = { text: reply.text };
  if (reply.buttons && reply.buttons.length > 0) wire.buttons = reply.buttons.map(({ label, value }) => ({ label, value }));
  if (reply.link) wire.link = { label: reply.link.label, url: reply.link.url };
  if (reply.card) {
    wire.card = { title: reply.card.title, fields: reply.card.fields.map(({ label, value }) => ({ label, value })) };
  }
  return wire;
}
