import { commentOutcome } from './consultation-api';

const errorResponse = (status: number, code: string, message: string, fields: unknown[] = []) =>
  new Response(JSON.stringify({ error: { code, message, fields } }), { status });

describe('what the page does with the answer to a comment', () => {
  it('thanks for an accepted comment', async () => {
    expect(await commentOutcome(new Response('{}', { status: 201 }))).toEqual({
      kind: 'accepted',
    });
  });

  it('says the deadline passed in the service’s words', async () => {
    const message = 'Đã hết hạn góp ý cho dự thảo này (hạn cuối 01/03/2026 08:00).';
    expect(await commentOutcome(errorResponse(403, 'E_DEADLINE_PASSED', message))).toEqual({
      kind: 'closed',
      message,
    });
  });

  it('puts a refused field back on the form, and keeps the text for a retry when rate-limited', async () => {
    const fields = [{ field: 'text', message: 'Hãy nhập ý kiến góp ý (từ 1 đến 2.000 ký tự).' }];
    expect(await commentOutcome(errorResponse(422, 'E_VALIDATION', 'Sai', fields))).toEqual({
      kind: 'invalid',
      message: 'Sai',
      fields,
    });
    expect(
      (await commentOutcome(errorResponse(429, 'E_RATE_LIMITED', 'Thử lại sau 60 giây'))).kind,
    ).toBe('unreachable');
  });
});
