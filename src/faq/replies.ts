import type { Button, Locale, Reply } from '../engine/types.ts';
import { localize, type Phrase } from '../i18n/locale.ts';
import type { EntryAction, FaqEntry } from './entry-schema.ts';
import { faqButtonValue } from './faq-reference.ts';

/** Values the dialog engine and the action rules understand; labels are shown to the user. */
export const ACTION_BUTTONS: Record<EntryAction, { value: string; label: Phrase }> = {
  annotate: { value: '申请加注', label: { zh: '申请加注', en: 'Request an annotation' } },
  download: { value: '下载证书', label: { zh: '下载证书', en: 'Download my certificate' } },
  status: { value: '查询证书状态', label: { zh: '查询证书状态', en: 'Check my certificate status' } },
  handoff: { value: '转人工', label: { zh: '转人工客服', en: 'Talk to a person' } },
};

/** Entries offered when nothing at all matched: where to download, what annotation is, a blank page. */
export const FALLBACK_SUGGESTIONS: readonly number[] = [4, 7, 11];

const UNSURE: Phrase = {
  zh: '抱歉，我不太确定您想问的是哪个问题。您是想了解下面这些内容吗？如果都不是，可以转人工客服。',
  en: "Sorry, I'm not sure which question you mean. Is it one of these? If not, you can talk to a person.",
};

const UNSURE_NOTHING: Phrase = {
  zh: '抱歉，我没能理解您的问题。我可以解答职业资格电子证书的常见问题，下面是大家常问的几个；也可以转人工客服。',
  en: "Sorry, I didn't understand that. I answer questions about professional-qualification e-certificates; here are some common ones, or you can talk to a person.",
};

export function questionButton(entry: FaqEntry, locale: Locale): Button {
  return { label: localize(entry.question, locale), value: faqButtonValue(entry.number) };
}

export function actionButton(action: EntryAction, locale: Locale): Button {
  const button = ACTION_BUTTONS[action];
  return { label: localize(button.label, locale), value: button.value };
}

/** The full answer of an entry, with buttons to its related entries and to the action it is tied to. */
export function entryReply(entry: FaqEntry, byNumber: ReadonlyMap<number, FaqEntry>, locale: Locale): Reply {
  const buttons: Button[] = [];
  if (entry.action) buttons.push(actionButton(entry.action, locale));
  for (const number of entry.related) {
    const related = byNumber.get(number);
    if (related) buttons.push(questionButton(related, locale));
  }
  return { text: localize(entry.answer, locale), buttons };
}

/** "I am not sure": the closest entries as buttons (common ones when nothing was close) and a human. */
export function unsureReply(suggestions: readonly number[], byNumber: ReadonlyMap<number, FaqEntry>, locale: Locale): Reply {
  const known = suggestions.filter((number) => byNumber.has(number)).slice(0, 3);
  const offered = known.length > 0 ? known : FALLBACK_SUGGESTIONS.filter((number) => byNumber.has(number));
  const buttons = offered.map((number) => questionButton(byNumber.get(number) as FaqEntry, locale));
  buttons.push(actionButton('handoff', locale));
  return { text: localize(known.length > 0 ? UNSURE : UNSURE_NOTHING, locale), buttons };
}
