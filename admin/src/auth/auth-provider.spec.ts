import { buildI18nProvider } from '../i18n/i18n-provider';
import { loginErrorText } from './auth-provider';

/** A refusal as Apollo reports it: in the result, or (rate limited, HTTP 429) on the network error. */
const refused = (code: string, message: string, extra: Record<string, unknown> = {}) => ({
  message,
  graphQLErrors: [{ message, extensions: { code, ...extra } }],
});
const throttled = (retryAfter: number) => ({
  message: 'Response not successful: Received status code 429',
  graphQLErrors: [],
  networkError: {
    statusCode: 429,
    result: { errors: [{ message: 'Too many login attempts; try again later', extensions: { code: 'RATE_LIMITED', retryAfter } }] },
  },
});

describe('login errors', () => {
  it('say what went wrong in the user’s language, not the API’s English', async () => {
    const i18n = buildI18nProvider();
    expect(loginErrorText(refused('UNAUTHENTICATED', 'Wrong username or password'), i18n)).toBe('用户名或密码错误');
    expect(loginErrorText(throttled(42), i18n)).toBe('登录尝试过多，请 42 秒后再试');
    expect(loginErrorText(refused('RATE_LIMITED', 'Too many'), i18n)).toBe('操作太频繁，请稍后再试');
    expect(loginErrorText(new Error('Failed to fetch'), i18n)).toBe('服务器出错，请稍后再试');
    expect(loginErrorText({ message: 'offline', networkError: { statusCode: 0 } }, i18n)).toBe(
      '网络连接失败，请检查网络后重试',
    );

    await i18n.changeLocale('en');
    expect(loginErrorText(refused('UNAUTHENTICATED', 'Wrong username or password'), i18n)).toBe(
      'Wrong username or password',
    );
    expect(loginErrorText(throttled(7), i18n)).toBe('Too many login attempts: try again in 7 s');
  });
});
