import { describe, expect, it } from 'vitest';
import { EndpointGaveUpError, isTimeout, TimeoutBreaker } from '../../src/core/breaker.js';

describe('TimeoutBreaker', () => {
  it('gives up on an endpoint after the threshold of timeouts in a row, naming it', () => {
    const breaker = new TimeoutBreaker('AWS iam endpoint in us-east-1', 30_000, 3);
    breaker.timedOut();
    breaker.timedOut();
    expect(() => breaker.check()).not.toThrow();
    breaker.timedOut();
    expect(() => breaker.check()).toThrow(EndpointGaveUpError);
    expect(() => breaker.check()).toThrow(
      'AWS iam endpoint in us-east-1 stopped answering: 3 requests in a row timed out after 30000 ms',
    );
    breaker.answered();
    expect(() => breaker.check()).toThrow(EndpointGaveUpError);
  });

  it('starts counting again after any answer, so a slow but alive endpoint is kept', () => {
    const breaker = new TimeoutBreaker('GitHub', 1000, 3);
    for (let i = 0; i < 10; i++) {
      breaker.timedOut();
      breaker.timedOut();
      breaker.answered();
    }
    expect(() => breaker.check()).not.toThrow();
  });
});

describe('isTimeout', () => {
  it('recognises the timeouts of fetch, the AWS SDK and gaxios, and nothing else', () => {
    expect(isTimeout(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))).toBe(
      true,
    );
    expect(isTimeout(Object.assign(new Error('socket hang up'), { code: 'ETIMEDOUT' }))).toBe(true);
    expect(isTimeout({ code: 'TimeoutError' })).toBe(true);
    expect(isTimeout(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(isTimeout(new Error('Rate exceeded'))).toBe(false);
    expect(isTimeout(undefined)).toBe(false);
  });
});
