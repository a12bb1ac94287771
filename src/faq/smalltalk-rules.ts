const CHINESE_SMALLTALK = [
  '你好', '您好', '你们好', '大家好', '嗨', '哈喽', '哈啰', '哈罗', '喂', '在吗', '在不在', '有人吗', '有人在吗',
  '早上好', '早安', '上午好', '中午好', '下午好', '晚上好', '晚安',
  '谢谢', '谢谢你', '谢谢您', '多谢', '感谢', '非常感谢', '太感谢了', '谢啦', '谢了', '辛苦了', '麻烦你了',
  '好的', '好', '嗯', '嗯嗯', '行', '明白了', '明白', '知道了', '懂了', '收到', '了解',
  '再见', '拜拜', '回见', '下次见', '先这样',
  '你是谁', '您是谁', '你是哪位', '您是哪位', '你是哪个', '你是什么', '你是机器人吗', '你是人吗', '你是真人吗', '你叫什么', '你叫什么名字',
  '你能做什么', '你会什么', '你可以做什么', '你能干什么', '你有什么功能', '能做什么',
  '帮助', '求助', '菜单', '使用说明', '怎么用', '怎么使用你', '开始',
];

const ENGLISH_SMALLTALK = [
  'hi', 'hello', 'hey', 'hiya', 'yo', 'howdy', 'good morning', 'good afternoon', 'good evening', 'good night',
  'thanks', 'thank you', 'thx', 'ty', 'cheers', 'many thanks', 'appreciate it',
  'bye', 'goodbye', 'bye bye', 'see you', 'see ya', 'later',
  'ok', 'okay', 'got it', 'great', 'nice', 'cool', 'understood',
  'who are you', 'what are you', 'are you a bot', 'are you human', 'are you a robot', 'are you real',
  'what can you do', 'what do you do', 'what can you help me with', 'what can you help with', 'how can you help', 'how can you help me', 'what do you help with', 'how are you', 'help', 'menu', 'start', 'anyone there', 'is anyone there',
];

const FILLERS = ['您的帮忙', '你的帮忙', '您的帮助', '你的帮助', '啰', '咯', '喽', '啊', '呀', '呢', '哈', '吧', '了', '哦', '喔', '啦', '嘛', '呗', '那', 'there', 'so much', 'very much', 'a lot', 'again', 'me', 'please', 'bot', 'all'];

function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

const SMALLTALK = new RegExp(
  `^(?:(?:${alternation([...CHINESE_SMALLTALK, ...ENGLISH_SMALLTALK])})(?:\\s*(?:${alternation(FILLERS)}))*\\s*)+$`,
);

/** True when the whole message is a greeting, thanks, goodbye, "who are you" or a request for help. */
export function isSmalltalk(normalized: string): boolean {
  return normalized.length > 0 && normalized.length <= 60 && SMALLTALK.test(normalized);
}

export type SmalltalkKind = 'greeting' | 'thanks' | 'goodbye' | 'identity' | 'help' | 'acknowledgement';

const KIND_PATTERNS: readonly (readonly [SmalltalkKind, RegExp])[] = [
  ['thanks', /谢|感谢|辛苦|麻烦你|thank|thx|\bty\b|cheers|appreciate/],
  ['goodbye', /再见|拜拜|回见|下次见|先这样|晚安|bye|see you|see ya|later|good night/],
  ['identity', /你是|你叫|who are you|what are you|are you/],
  ['help', /帮助|求助|菜单|说明|怎么用|做什么|会什么|干什么|功能|help|menu|what can you do|what do you do|开始|start/],
  ['acknowledgement', /^(?:好的?|嗯+|行|明白了?|知道了|懂了|收到|了解|ok|okay|got it|great|nice|cool|understood)/],
];

/** Which kind of smalltalk a message is; greetings by default. */
export function smalltalkKind(normalized: string): SmalltalkKind {
  for (const [kind, pattern] of KIND_PATTERNS) if (pattern.test(normalized)) return kind;
  return 'greeting';
}
