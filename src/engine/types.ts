/** The channel-neutral vocabulary every adapter speaks. No platform type belongs here. */

export type Channel = 'telegram' | 'web' | 'slack' | 'console';

/** zh-Hans is the default; zh-Hant when the user writes traditional; en when the user writes English. */
export type Locale = 'zh-Hans' | 'zh-Hant' | 'en';

/** The label of a message, exactly as in the evaluation files, or `flow` for an answer to a running flow. */
export type IntentLabel =
  | `faq:${number}`
  | 'action:status'
  | 'action:annotate'
  | 'action:download'
  | 'smalltalk'
  | 'none';

export type TurnIntent = IntentLabel | 'flow' | 'handoff';

/** Where a conversation lives: one chat of one channel. */
export interface ChannelAddress {
  channel: Channel;
  chatId: string;
}

export interface Message extends ChannelAddress {
  text: string;
  /** A locale hint from the platform (page language, Telegram language_code); the text itself wins. */
  locale?: Locale;
  userId?: string;
  displayName?: string;
  receivedAt?: Date;
}

/** Sending `value` as text is the same as pressing the button. */
export interface Button {
  label: string;
  value: string;
}

export interface Link {
  label: string;
  url: string;
}

export interface Card {
  title: string;
  fields: { label: string; value: string }[];
}

export interface Reply {
  text: string;
  buttons?: Button[];
  link?: Link;
  card?: Card;
}

export interface TurnResult {
  intent: TurnIntent;
  locale: Locale;
  replies: Reply[];
  /** Set when the turn could not run (e.g. the database is unreachable): `replies` only apologise and nothing was saved. */
  failed?: true;
}
