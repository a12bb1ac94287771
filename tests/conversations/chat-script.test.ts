import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function runChat(lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/chat.ts'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`chat exited with ${code}: ${errors}`));
    });
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

describe('npm run chat (piped stdin)', () => {
  it('carries every demo holder through their story', async () => {
    const output = await runChat([
      '查询证书状态', '张伟 110105199003071239', '1', ':online 一级建造师 2022',
      ':new', '查询证书状态', '杨磊 610113199502286785',
      ':new', '申请加注', '李娜 310115198805122347', '1', '1', ':advance 25h', '下载证书',
      ':new', '下载证书', '王芳 440305199208153454',
      ':new', '查询证书状态', '刘洋 510107198501014563',
      ':new', '查询证书状态', '陈静 320102197911205678',
      ':new', '查询证书状态', '赵敏 330106198709097898', '1', '1', '1',
      ':new', '申请加注', '周杰 120104198306188910',
      ':new', '查询证书状态', '孙丽 350102199001011238',
      ':quit',
    ]);
    for (const fragment of [
      '电子证书尚未上线', '上线后，我会在这里通知您一次', '一级建造师（2022年）电子证书已上线',
      '已提交证书 YJ2021000123 的加注申请', '证书 YJ2021000123 加注有效',
      '暂无须申请加注，可直接查看和下载', '证书 ZJ2021007890 加注有效', '撤销原因：', '证书生成中',
      '请重新提交证书加注申请', '已提交证书 YJ2021000456 的加注申请', '下次可申请加注的日期', '没有查到与该姓名和证件号码对应的证书信息',
    ]) {
      expect(output).toContain(fragment);
    }
    expect(output.match(/🔗 下载电子证书/g)?.length).toBe(3);
  });
});
