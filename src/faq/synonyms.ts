/**
 * The domain thesaurus: words people use for the same idea, folded onto the one our keywords use.
 * Applied to entries and questions alike inside retrieval (rules see the plain normalised text).
 */
const SYNONYMS: readonly (readonly [RegExp, string])[] = [
  [/实施|实行|施行|推广|推出|启用/g, '推行'],
  [/合法有效|合法|正规|官方认可/g, '有法律效力'],
  [/须知/g, '注意事项'],
  [/盖章|签章|印鉴/g, '印章'],
  [/(?<=[的么啥])印(?![章刷])/g, '印章'],
  [/用途|意义|用处/g, '作用'],
  [/失效|超期|到期/g, '过期'],
  [/啥也没有|什么也没有|什么都没有|啥都没有|空空的|空荡荡/g, '空白'],
  [/没有?数据|无数据/g, '空白'],
  [/早期的?|早年的?|过去的|很久以前的?/g, '以前的'],
  [/(?:不常用|不常见|少见|罕见|冷僻|生僻)的?汉?字/g, '生僻字'],
  [/处理中|制作中|生成当中|正在处理/g, '生成中'],
  [/(?:文件|pdf|证书)(?:打开)?(?:出错|报错|错误)/g, '证书打不开'],
  [/获取/g, '下载'],
  [/\b(?:launch|launched|introduced|introduce|rolled out|rollout)\b/g, 'start'],
  [/\b(?:officially|official|legitimate|legally binding|lawful)\b/g, 'legal'],
  [/\b(?:portal|url|web address)\b/g, 'website'],
  [/\b(?:quota|cap|upper limit)\b/g, 'limit'],
  [/\b(?:no data|no information|no info)\b/g, 'blank'],
  [/\b(?:invalidated|annulled|voided|nullified)\b/g, 'revoked'],
  [/\b(?:error (?:when |while )?opening|fails? to open|failed to open)\b/g, 'cannot open'],
  [/\b(?:uncommon|unusual)\b/g, 'rare'],
  [/\bcharacter not found\b/g, 'rare character'],
];

export function canonicalTerms(normalized: string): string {
  let out = normalized;
  for (const [pattern, replacement] of SYNONYMS) out = out.replace(pattern, replacement);
  return out;
}
