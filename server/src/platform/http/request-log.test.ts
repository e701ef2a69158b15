import { describe, expect, it } from 'vitest';
import { requestLogFields } from './server.ts';

describe("a request's log line", () => {
  it('names the path without the query string, where typed text can be', () => {
    expect(
      requestLogFields({
        method: 'GET',
        url: '/api/registry/persons/0b1c?purpose=other&purposeText=Samtal%20med%20Elin',
        ip: '127.0.0.1',
      }),
    ).toEqual({ method: 'GET', url: '/api/registry/persons/0b1c', remoteAddress: '127.0.0.1' });
  });
});
