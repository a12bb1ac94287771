import type { Locale } from '../../../src/engine/types.ts';
import { localeOfLanguageTag } from '../../../src/i18n/language-tag.ts';

export interface UiStrings {
  launcher: string;
  launcherLabel: string;
  title: string;
  close: string;
  log: string;
  inputLabel: string;
  placeholder: string;
  send: string;
  typing: string;
  welcome: string;
  offline: string;
  failed: string;
  busy: string;
  opensInNewTab: string;
  you: string;
  assistant: string;
}

const simplified: UiStrings = {
  launcher: '在线咨询',
  launcherLabel: '打开电子证书在线咨询',
  title: '电子证书助手',
  close: '关闭对话窗口',
  log: '对话记录',
  inputLabel: '输入您的问题',
  placeholder: '请输入您的问题，按回车发送',
  send: '发送',
  typing: '助手正在输入…',
  welcome: '您好！我是电子证书助手，可以解答电子证书的常见问题，也可以帮您查询证书发放进度、申请加注和下载证书。',
  offline: '网络连接中断，消息会在网络恢复后自动发送。',
  failed: '这条消息没能发送成功，请稍后再试。',
  busy: '服务暂时繁忙，请稍后再试。',
  opensInNewTab: '（在新窗口打开）',
  you: '我',
  assistant: '助手',
};

const traditional: UiStrings = {
  launcher: '線上諮詢',
  launcherLabel: '開啟電子證書線上諮詢',
  title: '電子證書助手',
  close: '關閉對話視窗',
  log: '對話記錄',
  inputLabel: '輸入您的問題',
  placeholder: '請輸入您的問題，按Enter鍵傳送',
  send: '傳送',
  typing: '助手正在輸入…',
  welcome: '您好！我是電子證書助手，可以解答電子證書的常見問題，也可以幫您查詢證書發放進度、申請加註和下載證書。',
  offline: '網路連線中斷，訊息會在網路恢復後自動傳送。',
  failed: '這則訊息沒能傳送成功，請稍後再試。',
  busy: '服務暫時繁忙，請稍後再試。',
  opensInNewTab: '（在新視窗開啟）',
  you: '我',
  assistant: '助手',
};

const english: UiStrings = {
  launcher: 'Ask us',
  launcherLabel: 'Open the e-certificate chat',
  title: 'E-certificate assistant',
  close: 'Close the chat',
  log: 'Conversation',
  inputLabel: 'Type your question',
  placeholder: 'Type your question and press Enter',
  send: 'Send',
  typing: 'The assistant is typing…',
  welcome: 'Hello! I answer questions about e-certificates, and can check when yours is issued, apply for an annotation and get your download link.',
  offline: 'The connection dropped. Your message will be sent when you are back online.',
  failed: 'This message could not be sent. Please try again later.',
  busy: 'The service is busy right now. Please try again shortly.',
  opensInNewTab: '(opens in a new tab)',
  you: 'You',
  assistant: 'Assistant',
};

/** The page's `<html lang>`: traditional for zh-TW, zh-HK, zh-MO and zh-Hant; English for en; simplified otherwise. */
export function pageLocale(lang: string): Locale {
  return localeOfLanguageTag(lang) ?? 'zh-Hans';
}

export function uiStrings(locale: Locale): UiStrings {
  if (locale === 'en') return english;
  return locale === 'zh-Hant' ? traditional : simplified;
}
