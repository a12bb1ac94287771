import { describe, expect, it } from 'vitest';
import { createCallbackDataStore } from '../../../adapters/telegram/callback-data.ts';
import { isButtonUrl, renderCard, renderReply } from '../../../adapters/telegram/render-reply.ts';

const store = () => createCallbackDataStore();

describe('renderReply', () => {
  it('renders text, one button per row and a URL button after them', () => {
    const rendered = renderReply(
      {
        text: '请选择要办理的业务',
        buttons: [
          { label: '查询状态', value: '查询证书状态' },
          { label: '申请加注', value: '申请加注' },
        ],
        link: { label: '证书下载', url: 'https://certs.example.cn/d/1' },
      },
      'zh-Hans',
      store(),
    );
    expect(rendered).toEqual([
      {
        text: '请选择要办理的业务',
        reply_markup: {
          inline_keyboard: [
            [{ text: '查询状态', callback_data: '查询证书状态' }],
            [{ text: '申请加注', callback_data: '申请加注' }],
            [{ text: '证书下载', url: 'https://certs.example.cn/d/1' }],
          ],
        },
      },
    ]);
  });

  it('renders nothing for an empty reply and a localized prompt for buttons alone', () => {
    expect(renderReply({ text: ' \n' }, 'zh-Hans', store())).toEqual([]);
    const buttons = [{ label: 'Yes', value: '是' }];
    expect(renderReply({ text: '', buttons }, 'en', store())[0]?.text).toBe('Please choose:');
    expect(renderReply({ text: '', buttons }, 'zh-Hant', store())[0]?.text).toBe('請選擇：');
  });

  it('drops a button without a value and labels a button without a label by its value', () => {
    const rendered = renderReply({ text: '选择', buttons: [{ label: '空', value: '' }, { label: ' ', value: '确认' }] }, 'zh-Hans', store());
    expect(rendered[0]?.reply_markup).toEqual({ inline_keyboard: [[{ text: '确认', callback_data: '确认' }]] });
  });

  it('writes a card as plain lines, leaving markup characters untouched since no parse_mode is used', () => {
    expect(renderCard({ title: '证书 <HG-1>', fields: [{ label: '状态', value: '已签发 *正式*' }] })).toBe('证书 <HG-1>\n状态: 已签发 *正式*');
    expect(renderReply({ text: '', card: { title: '证书', fields: [] } }, 'zh-Hans', store())).toEqual([{ text: '证书' }]);
  });
});

describe('isButtonUrl', () => {
  it('accepts public http(s) addresses only', () => {
    expect(['https://certs.example.cn/d/1', 'http://certs.example.cn/x'].map(isButtonUrl)).toEqual([true, true]);
    expect(['http://localhost:3000/d', 'http://127.0.0.1/d', 'ftp://example.cn/f', 'javascript:alert(1)', 'not a url'].map(isButtonUrl)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
