import { formatMessage } from '@par/contracts';
import { submitOutcome } from './public-survey-api';

const errorResponse = (status: number, code: string, message: string, fields?: unknown[]) =>
  new Response(JSON.stringify({ error: { code, message, retryable: false, fields } }), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('submitOutcome', () => {
  it('thanks for a written answer', async () => {
    expect(await submitOutcome(new Response('{}', { status: 201 }))).toEqual({ kind: 'accepted' });
  });

  it('tells a second answer from this device apart from a closed campaign', async () => {
    const duplicate = formatMessage('survey.device.duplicate', {}, 'vi');
    const closed = formatMessage('survey.campaign.notOpen', {}, 'vi');
    expect(await submitOutcome(errorResponse(409, 'E_CONFLICT', duplicate))).toEqual({
      kind: 'alreadyAnswered',
      message: duplicate,
    });
    expect(await submitOutcome(errorResponse(409, 'E_CONFLICT', closed))).toEqual({
      kind: 'closed',
      message: closed,
    });
  });

  it('keeps the fields of a refused answer', async () => {
    const fields = [{ field: 'answers.q3', message: 'Đây là câu bắt buộc.' }];
    expect(
      await submitOutcome(errorResponse(400, 'E_VALIDATION', 'Phiếu chưa hợp lệ.', fields)),
    ).toEqual({ kind: 'invalid', message: 'Phiếu chưa hợp lệ.', fields });
  });

  it('treats a rate limit or a proxy’s HTML page as “try again later”', async () => {
    expect((await submitOutcome(errorResponse(429, 'E_RATE_LIMITED', 'Chậm lại.'))).kind).toBe(
      'unreachable',
    );
    expect((await submitOutcome(new Response('<html>', { status: 502 }))).kind).toBe('unreachable');
  });
});
