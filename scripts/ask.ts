import type { Reply } from '../src/engine/types.ts';
import { createFaqAnswerer } from '../src/faq/create-faq-answerer.ts';
import { smalltalkReply } from '../src/faq/smalltalk-replies.ts';
import type { Classification, FaqAnswerer } from '../src/faq/types.ts';

/** What the answerer alone would say; actions belong to the dialog engine, so only their label is shown. */
export function replyFor(answerer: FaqAnswerer, classification: Classification): Reply | undefined {
  const { label, locale } = classification;
  if (label.startsWith('faq:')) return answerer.answerEntry(Number(label.slice(4)), locale);
  if (label === 'smalltalk') return smalltalkReply(classification.normalized, locale);
  if (label === 'none') return answerer.unsure(classification);
  return undefined;
}

export function formatAsk(answerer: FaqAnswerer, text: string): string {
  const classification = answerer.classify(text);
  const lines = [
    `label: ${classification.label}`,
    `confidence: ${classification.confidence.toFixed(3)}`,
    `locale: ${classification.locale}`,
    `suggestions: ${classification.suggestions.map((number) => `faq:${number}`).join(', ') || '-'}`,
  ];
  const reply = replyFor(answerer, classification);
  if (reply) {
    lines.push('', reply.text);
    for (const button of reply.buttons ?? []) lines.push(`  [${button.label}] -> ${button.value}`);
  } else {
    lines.push('', `(${classification.label} is handled by the dialog engine)`);
  }
  return lines.join('\n');
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const text = process.argv.slice(2).join(' ');
  if (text.trim().length === 0) {
    process.stderr.write('usage: npm run ask -- "your question"\n');
    process.exitCode = 2;
  } else {
    process.stdout.write(`${formatAsk(createFaqAnswerer(), text)}\n`);
  }
}
