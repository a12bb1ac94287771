import { toSimplified } from '../i18n/script.ts';

/** What one message offers towards identifying a holder. */
export interface IdentityParts {
  /** Something shaped like an ID number (digits and a final X), checked later by validateIdNumber. */
  idCandidate?: string;
  /** A plausible person's name, in simplified characters. */
  name?: string;
}

const DIGITS_WITH_SPACES = /(?<=[0-9])[\s-]+(?=[0-9Xx])/g;
const ID_CANDIDATE = /(?<![0-9])[0-9]{6,}[Xx]?(?![0-9])/;
const HAN_FILLER = /我的名字|我的姓名|我的身份证|我叫|我是|本人|姓名|名字|名叫|叫做|持证人|身份证号码|身份证号|身份证|身分证|证件号码|证件号|号码|号|叫|是|为/gu;
const LATIN_FILLER = /\b(my name is|my name|name|id number|id no|id|is|and|i am|i'm)\b/giu;
const PUNCTUATION = /[\p{P}\p{S}]/gu;
const HAN_NAME = /^[\p{Script=Han}]{2,5}$/u;
/** Characters of everyday sentences that are (almost) never part of a name: "你好啊" and "我不知道" are not names. */
const NOT_IN_NAMES = /[我你您他她它的了吗呢吧啊么什怎没不是有在要想请问谢好哪这那个和与或就都也还]/u;
const LATIN_NAME = /^[A-Za-z][A-Za-z '-]{1,39}$/;

/** Pulls a name and an ID-number-shaped token out of free text ("张伟 110105…", "我叫张伟，身份证…"). */
export function parseIdentity(text: string): IdentityParts {
  const parts: IdentityParts = {};
  let rest = text.replace(DIGITS_WITH_SPACES, '');
  const idMatch = ID_CANDIDATE.exec(rest);
  if (idMatch) {
    parts.idCandidate = idMatch[0].toUpperCase();
    rest = rest.replace(idMatch[0], ' ');
  }
  const simplified = toSimplified(rest);
  const han = /\p{Script=Han}/u.test(simplified) ? simplified.replace(HAN_FILLER, ' ').replace(/[^\p{Script=Han}]/gu, '') : '';
  if (HAN_NAME.test(han) && !NOT_IN_NAMES.test(han)) {
    parts.name = han;
    return parts;
  }
  const latin = rest.replace(LATIN_FILLER, ' ').replace(PUNCTUATION, ' ').replace(/\s+/g, ' ').trim();
  if (LATIN_NAME.test(latin) && latin.split(' ').length <= 4) parts.name = latin;
  return parts;
}
