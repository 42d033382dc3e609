import { LineSplitter } from '../src/batches/line-splitter';
import { buildChildEnv } from '../src/pipeline/child-env';
import { formatDuration } from '../src/progress/format-duration';
import { isLocalEndpoint } from '@mlops/pipeline-core';
import { endpointPort } from '../src/stack/endpoints';
import { formatMetrics } from '../src/summary/format-metrics';
import { escapeHtml } from '../src/report/html-escape';

describe('LineSplitter', () => {
  it('joins chunks into lines, handles CRLF and flushes the tail', () => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l));
    s.push('a\r\nb');
    s.push('c\n\nd');
    expect(lines).toEqual(['a', 'bc', '']);
    s.flush();
    s.flush();
    expect(lines).toEqual(['a', 'bc', '', 'd']);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0.0s'],
    [860, '0.9s'],
    [59_940, '59.9s'],
    [61_000, '1m01s'],
    [3_600_000, '60m00s'],
    [-1, '-'],
    [Number.NaN, '-'],
  ])('%p ms → %p', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('formatMetrics', () => {
  it('sorts keys, keeps four significant digits and counts the rest', () => {
    expect(formatMetrics({ r2: 0.912345, mae: 2.04999, rmse: 3, x: Number.NaN })).toBe(
      'mae=2.05 r2=0.9123 rmse=3',
    );
    expect(formatMetrics({ a: 1, b: 2, c: 3 }, 2)).toBe('a=1 b=2 +1 more');
    expect(formatMetrics(null)).toBe('');
  });
});

describe('endpoints', () => {
  it('treats loopback hosts as local and reads the port', () => {
    expect(isLocalEndpoint('http://127.0.0.1:4570')).toBe(true);
    expect(isLocalEndpoint('http://localhost:1')).toBe(true);
    expect(isLocalEndpoint('https://api.sagemaker.eu-west-1.amazonaws.com')).toBe(false);
    expect(isLocalEndpoint(undefined)).toBe(false);
    expect(endpointPort('http://127.0.0.1:4570', 'f')).toBe(4570);
    expect(endpointPort('http://127.0.0.1', 'f')).toBe(80);
    expect(endpointPort('https://example.com', 'f')).toBe(443);
  });
});

describe('buildChildEnv', () => {
  it('adds the overrides and drops the caller’s AWS session settings when credentials are overridden', () => {
    const env = buildChildEnv(
      { PATH: '/bin', AWS_PROFILE: 'prod', AWS_SESSION_TOKEN: 't', AWS_ACCESS_KEY_ID: 'real' },
      { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', MLOPS__AWS__ENDPOINTS__S3: 'http://x' },
    );
    expect(env).toEqual({
      PATH: '/bin',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      MLOPS__AWS__ENDPOINTS__S3: 'http://x',
    });
  });

  it('keeps the caller’s AWS settings without overrides (env dev → AWS)', () => {
    expect(buildChildEnv({ AWS_PROFILE: 'dev' }, {})).toEqual({ AWS_PROFILE: 'dev' });
  });
});

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
    expect(escapeHtml(null)).toBe('');
  });
});
