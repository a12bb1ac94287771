import type { Phrase } from '../../src/i18n/locale.ts';

/** Sentences the Telegram adapter itself says; everything else comes from the engine. */
export const phrases = {
  chooseOption: { zh: '请选择：', en: 'Please choose:' },
  sendText: {
    zh: '我目前只能阅读文字消息，请直接用文字告诉我您想办理或咨询的事项。',
    en: 'I can only read text messages for now. Please type what you would like to ask or do.',
  },
  buttonExpired: {
    zh: '这个按钮已经失效了，请直接用文字告诉我您想做什么。',
    en: 'This button has expired. Please type what you would like to do instead.',
  },
  tryAgainShortly: {
    zh: '抱歉，系统暂时出了点问题，请稍后再试。',
    en: 'Sorry, something went wrong on our side. Please try again shortly.',
  },
} satisfies Record<string, Phrase>;
