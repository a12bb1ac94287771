import { hasHan } from '../i18n/locale.ts';
import { toSimplified } from '../i18n/script.ts';

/** Only the start of a message is classified: a 20,000-character paste must cost as little as a short one. */
export const MAX_CLASSIFIED_CHARS = 500;

/** Typos, homophones and variant characters people type for this domain, in simplified Chinese. */
const CHINESE_FIXES: readonly (readonly [RegExp, string])[] = [
  [/[家佳嘉架夹]注|加[住助驻著着铸柱]/g, '加注'],
  [/加(?:个|一个|一下)注/g, '加注'],
  [/登陆/g, '登录'],
  [/[证正症政征]数|[正症政征]书|証书|証書/g, '证书'],
  [/証/g, '证'],
  [/下栽|下再(?=证|电子)/g, '下载'],
  [/下不了|下不下来|下载不下来/g, '下载不了'],
  [/撤消/g, '撤销'],
  [/生[程城]中/g, '生成中'],
  [/几回/g, '几次'],
  [/多少回/g, '多少次'],
  [/生[辟避癖]字|生僻子|省僻字/g, '生僻字'],
  [/印张/g, '印章'],
  [/有效[其器]/g, '有效期'],
  [/过[其器]了/g, '过期了'],
  [/效应|效立/g, '效力'],
  [/空[百败]/g, '空白'],
  [/查寻/g, '查询'],
  [/连结/g, '链接'],
  [/那(里|儿|个网站)(?=.{0,4}下)/g, '哪$1'],
  [/证书资料/g, '证书信息'],
  [/(?:无法|不能)开启|开启不了/g, '无法打开'],
  [/登入/g, '登录'],
  [/档案/g, '文件'],
  [/列印/g, '打印'],
  [/讯息/g, '信息'],
  [/帐号/g, '账号'],
  [/甚么|神马|什麽/g, '什么'],
  [/咋办|肿么办/g, '怎么办'],
  [/咋|肿么|怎麽/g, '怎么'],
  [/啥/g, '什么'],
  [/木有|没得/g, '没有'],
  [/电子版证书|电子版的证书|电子证照/g, '电子证书'],
];

/** Cantonese written forms (after conversion to simplified) folded onto Mandarin. */
const CANTONESE_FIXES: readonly (readonly [RegExp, string])[] = [
  [/唔该/g, '谢谢'],
  [/系咪/g, '是不是'],
  [/系(?=咩|乜|唔)/g, '是'],
  [/乜都冇|乜嘢都冇/g, '什么都没有'],
  [/咩|乜嘢|乜/g, '什么'],
  [/点样/g, '怎么'],
  [/点解/g, '为什么'],
  [/点算/g, '怎么办'],
  [/边度|边到|边处/g, '哪里'],
  [/边个/g, '哪个'],
  [/几时/g, '什么时候'],
  [/几多/g, '多少'],
  [/喺/g, '在'],
  [/冇/g, '没有'],
  [/咗/g, '了'],
  [/唔/g, '不'],
  [/俾/g, '给'],
  [/嘅/g, '的'],
  [/睇/g, '看'],
  [/搵/g, '找'],
  [/(?<=了)未$/g, '没'],
];

/** English spellings folded together so rules and keywords see one form. */
const ENGLISH_FIXES: readonly (readonly [RegExp, string])[] = [
  [/\be[\s-]?cert(ificate)?s?\b/g, 'certificate'],
  [/\bcerts?\b/g, 'certificate'],
  [/\bcertificates\b/g, 'certificate'],
  [/\bdigital certificate\b|\belectronic certificate\b/g, 'certificate'],
  [/\blog-?in\b|\blogon\b|\bsign in\b/g, 'log in'],
  [/\b(can ?not|can't|cant)\b/g, 'cannot'],
  [/\b(won't|wont)\b/g, 'will not'],
  [/\b(doesn't|doesnt)\b/g, 'does not'],
  [/\b(didn't|didnt)\b/g, 'did not'],
  [/\b(isn't|isnt)\b/g, 'is not'],
  [/\b(i'm|im)\b/g, 'i am'],
  [/\b(what's|whats)\b/g, 'what is'],
  [/\b(where|how|it|that|there|who)'s\b/g, '$1 is'],
  [/\b(i'd)\b/g, 'i would'],
  [/\bpls\b|\bplz\b/g, 'please'],
  [/\bu\b/g, 'you'],
  [/\b(?:wat|wut|whta|waht)\b/g, 'what'],
  [/\bhw\b/g, 'how'],
];

const CONTROL = /[\p{Cc}\p{Cf}]/gu;
const STRAY_PINYIN = /(?<=\p{Script=Han})\s*\(\s*[\p{Script=Latin}'\s]+\)/gu;
const NOT_WORD = /[^\p{L}\p{N}\s]+/gu;
const SPACE_BETWEEN_HAN = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;

/** The first MAX_CLASSIFIED_CHARS code points of a text, never splitting a surrogate pair. */
export function capLength(text: string, max: number = MAX_CLASSIFIED_CHARS): string {
  if (text.length <= max) return text;
  return Array.from(text.slice(0, max * 2)).slice(0, max).join('');
}

/**
 * The canonical form every rule and index sees: NFKC (full-width forms to ASCII), no control
 * characters, no stray pinyin in parentheses, simplified Chinese, lower case, domain typos and
 * homophones fixed, punctuation and emoji removed, single spaces.
 */
export function normalise(text: string): string {
  let out = capLength(text).normalize('NFKC').replace(CONTROL, ' ');
  out = out.replace(STRAY_PINYIN, '');
  if (hasHan(out)) {
    out = toSimplified(out);
    for (const [pattern, replacement] of CANTONESE_FIXES) out = out.replace(pattern, replacement);
    for (const [pattern, replacement] of CHINESE_FIXES) out = out.replace(pattern, replacement);
  }
  out = out.toLowerCase().replace(/[’‘`]/g, "'");
  for (const [pattern, replacement] of ENGLISH_FIXES) out = out.replace(pattern, replacement);
  out = out.replace(/'/g, '').replace(NOT_WORD, ' ').replace(/\s+/g, ' ').trim();
  return out.replace(SPACE_BETWEEN_HAN, '');
}
