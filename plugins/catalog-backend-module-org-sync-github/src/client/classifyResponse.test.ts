import { classifyResponse } from './classifyResponse';

const NOW = 1_700_000_000_000;
const classify = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  secondaryWaits = 0,
) =>
  classifyResponse({
    status,
    body,
    headers: new Headers(headers),
    nowMs: NOW,
    secondaryWaits,
  });

describe('classifyResponse', () => {
  it('returns the data of a clean answer', () => {
    expect(classify(200, { data: { a: 1 } })).toEqual({
      kind: 'ok',
      data: { a: 1 },
    });
  });

  it('waits as retry-after says (seconds or HTTP date)', () => {
    expect(
      classify(
        403,
        { message: 'secondary rate limit' },
        { 'retry-after': '30' },
      ),
    ).toMatchObject({ kind: 'rate-limited', untilMs: NOW + 30_000 });
    const date = new Date(NOW + 90_000).toUTCString();
    expect(classify(429, {}, { 'retry-after': date })).toMatchObject({
      kind: 'rate-limited',
      untilMs: Math.floor((NOW + 90_000) / 1000) * 1000,
    });
  });

  it('waits until x-ratelimit-reset when the primary limit is used up', () => {
    const reset = String(NOW / 1000 + 600);
    expect(
      classify(
        403,
        { message: 'API rate limit exceeded' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      ),
    ).toMatchObject({ kind: 'rate-limited', untilMs: NOW + 600_000 });
    expect(
      classify(
        200,
        { errors: [{ type: 'RATE_LIMITED', message: 'limit' }] },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      ),
    ).toMatchObject({ kind: 'rate-limited', untilMs: NOW + 600_000 });
  });

  it('waits a minute, then longer, on a secondary limit without retry-after', () => {
    const body = { message: 'You have exceeded a secondary rate limit.' };
    expect(classify(403, body)).toMatchObject({ untilMs: NOW + 60_000 });
    expect(classify(403, body, {}, 2)).toMatchObject({
      untilMs: NOW + 240_000,
    });
  });

  it('treats other 403s and 401 as final', () => {
    expect(classify(403, { message: 'Resource protected by SAML' })).toEqual({
      kind: 'fatal',
      message: 'HTTP 403: Resource protected by SAML',
    });
    expect(classify(401, {})).toEqual({
      kind: 'fatal',
      message: 'HTTP 401 (bad credentials)',
    });
  });

  it('asks for a smaller page on 502, 504, timeouts and resource limits', () => {
    expect(classify(502, {})).toMatchObject({
      kind: 'transient',
      shrink: true,
    });
    expect(classify(504, {})).toMatchObject({
      kind: 'transient',
      shrink: true,
    });
    expect(
      classify(200, {
        errors: [{ type: 'RESOURCE_LIMITS_EXCEEDED', message: 'too big' }],
      }),
    ).toMatchObject({ kind: 'transient', shrink: true });
    expect(
      classify(200, {
        errors: [
          {
            message:
              'Something went wrong while executing your query. This may be the result of a timeout.',
          },
        ],
      }),
    ).toMatchObject({ kind: 'transient', shrink: true });
  });

  it('retries other server errors without shrinking', () => {
    expect(classify(500, { message: 'oops' })).toEqual({
      kind: 'transient',
      shrink: false,
      message: 'HTTP 500: oops',
    });
    expect(classify(200, 'not json')).toMatchObject({ kind: 'transient' });
  });

  it('treats query errors as final', () => {
    expect(
      classify(200, {
        errors: [{ type: 'NOT_FOUND', message: 'no org' }],
      }),
    ).toEqual({ kind: 'fatal', message: 'NOT_FOUND: no org' });
    expect(classify(400, { message: 'Problems parsing JSON' })).toMatchObject({
      kind: 'fatal',
    });
  });
});
