import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatAsk } from '../../scripts/ask.ts';
import { createFaqAnswerer } from '../../src/faq/create-faq-answerer.ts';

const run = promisify(execFile);
const answerer = createFaqAnswerer();

describe('ask', () => {
  it('prints label, confidence and the answer in the language of the question', () => {
    const simplified = formatAsk(answerer, '加注过期了怎么办');
    expect(simplified).toMatch(/^label: faq:9\nconfidence: (0\.\d{3}|1\.000)\n/);
    expect(simplified).toContain('请重新提交证书加注申请');
    expect(formatAsk(answerer, '加註過期了怎麼辦')).toContain('請重新提交證書加註申請');
    expect(formatAsk(answerer, 'my annotation expired, what now')).toContain('Please submit a new annotation request');
  });

  it('shows smalltalk, unsure and action outcomes', () => {
    expect(formatAsk(answerer, 'hello')).toMatch(/label: smalltalk[\s\S]*Hello!/);
    expect(formatAsk(answerer, '今天天气怎么样')).toMatch(/label: none[\s\S]*-> 转人工/);
    expect(formatAsk(answerer, '帮我加注')).toContain('action:annotate is handled by the dialog engine');
  });

  it('runs from the command line', async () => {
    const { stdout } = await run('node_modules/.bin/tsx', ['scripts/ask.ts', '證書狀態顯示已撤銷是什麼意思'], { timeout: 20_000 });
    expect(stdout).toMatch(/^label: faq:17\n/);
    expect(stdout).toContain('locale: zh-Hant');
    expect(stdout).toContain('證書狀態為[已撤銷]');
    await expect(run('node_modules/.bin/tsx', ['scripts/ask.ts'], { timeout: 20_000 })).rejects.toMatchObject({ code: 2 });
  });
});
