import { describe, expect, it } from 'vitest';
import { parseIdentity } from '../../src/identity/parse-identity.ts';

describe('parseIdentity', () => {
  it.each([
    ['张伟 110105199003071239', { name: '张伟', idCandidate: '110105199003071239' }],
    ['我叫李娜，身份证号310115198805122347', { name: '李娜', idCandidate: '310115198805122347' }],
    ['姓名：王芳 证件号码：4403 0519 9208 1534 54', { name: '王芳', idCandidate: '440305199208153454' }],
    ['陳靜 320102197911205678', { name: '陈静', idCandidate: '320102197911205678' }],
    ['11010519491231002x', { idCandidate: '11010519491231002X' }],
    ['刘洋', { name: '刘洋' }],
    ['My name is Li Na', { name: 'Li Na' }],
    ['1101051990030712', { idCandidate: '1101051990030712' }],
    ['我的身份证是310115198805122347，名字叫李娜', { name: '李娜', idCandidate: '310115198805122347' }],
    ['ID 510107198501014563 name 刘洋', { name: '刘洋', idCandidate: '510107198501014563' }],
  ])('%s', (text, expected) => {
    expect(parseIdentity(text)).toEqual(expected);
  });

  it.each(['你好啊', '我不知道', '电子证书和纸质证书效力一样吗', '30', ''])('finds nothing in "%s"', (text) => {
    expect(parseIdentity(text)).toEqual({});
  });
});
