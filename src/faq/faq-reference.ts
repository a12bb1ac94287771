const CHINESE_NUMERALS: Record<string, number> = {
  一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10,
  十一: 11, 十二: 12, 十三: 13, 十四: 14, 十五: 15, 十六: 16, 十七: 17, 十八: 18, 十九: 19,
};

const REFERENCE =
  /^(?:faq|问题|常见问题|第|question|entry|q|no|number)\s*(\d{1,2}|[一二两三四五六七八九十]{1,2})\s*(?:条|个|题|问|个问题|条问题)?$/;

/**
 * The entry number a message names explicitly (`FAQ 7`, `faq7`, `问题7`, `第七条`), the form our
 * buttons send back. Works on normalised text; undefined when the text is anything else.
 */
export function matchFaqReference(normalized: string): number | undefined {
  const match = REFERENCE.exec(normalized);
  const raw = match?.[1];
  if (raw === undefined) return undefined;
  const number = /^\d+$/.test(raw) ? Number(raw) : CHINESE_NUMERALS[raw];
  return number !== undefined && number > 0 ? number : undefined;
}

/** The canonical button value for an entry: short, ASCII, and classified back with certainty. */
export function faqButtonValue(number: number): string {
  return `FAQ ${number}`;
}
