import { describe, expect, it } from 'vitest';
import { summarizeBody } from '../../src/halo/excerpt.js';

describe('error excerpts', () => {
  it('an HTML error page becomes its title, not kilobytes of markup', () => {
    const html = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>${'x'.repeat(50_000)}</style></head><body><h1>Bad</h1></body></html>`;
    expect(summarizeBody(html, 'text/html', []).excerpt).toBe('502 Bad Gateway');
    expect(summarizeBody('<html><body><h1>Service &amp; API down</h1><p>Try later</p></body></html>', null, []).excerpt).toBe('Service & API down Try later');
  });

  it("reads Halo's JSON error shapes and keeps its error code", () => {
    expect(summarizeBody('{"resultCode":7,"errorMessage":"No such site"}', 'application/json', [])).toMatchObject({ excerpt: 'No such site', reason: '7' });
    expect(summarizeBody('{"ClassName":"System.Exception","Message":"Boom"}', null, []).excerpt).toBe('Boom');
    expect(summarizeBody('{"error":"invalid_client"}', null, [])).toMatchObject({ excerpt: 'invalid_client', reason: 'invalid_client' });
    expect(summarizeBody('"CODE:APP03/2 Please select the CAB members to approve"', null, [])).toMatchObject({ reason: 'APP03/2' });
    expect(summarizeBody('{"errors":["first","second"]}', null, []).excerpt).toBe('first; second');
  });

  it('ASP.NET validation errors name the field paths', () => {
    const body = '{"title":"One or more validation errors occurred.","status":400,"errors":{"[1].nosuchfield":["Unknown field \'nosuchfield\'"],"[3].site_id":["Not a site"]}}';
    const summary = summarizeBody(body, 'application/problem+json', []);
    expect(summary.fieldPaths).toEqual(['[1].nosuchfield', '[3].site_id']);
    expect(summary.excerpt).toContain("[1].nosuchfield: Unknown field 'nosuchfield'");
    expect(summary.excerpt).toMatch(/^One or more validation errors occurred\./);
  });

  it('redacts secrets and tokens before cutting the text short', () => {
    const secret = 's3cr3t-value-0123456789';
    const token = 'eyJhbGciOi.eyJzdWIiOiJ4In0.sig_abcdef';
    const body = JSON.stringify({ message: `bad secret ${secret} and Bearer ${token}`, access_token: token });
    const { excerpt } = summarizeBody(body, null, [secret, token]);
    expect(excerpt).not.toContain(secret);
    expect(excerpt).not.toContain(token);
    const long = `${'a'.repeat(290)}${secret}`;
    const cut = summarizeBody(long, 'text/plain', [secret]).excerpt;
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(cut).not.toContain(secret.slice(0, 8));
  });

  it('plain text keeps its first lines, collapsed', () => {
    expect(summarizeBody('Rate Limit Reached - 300 Requests per rolling 5 minute window\n', 'text/plain', []).excerpt).toBe(
      'Rate Limit Reached - 300 Requests per rolling 5 minute window',
    );
    expect(summarizeBody('', null, []).excerpt).toBe('');
  });
});
