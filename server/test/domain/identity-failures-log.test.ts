/** Issue 10, item 16: a wrong signature is logged, at most once per site per minute. */
import type { SiteId } from '@counter/shared';
import { describe, expect, it } from 'vitest';
import { IdentityFailures } from '../../src/domain/identity/failure-report.js';
import { ManualClock } from './harness.js';

describe('identity failure log', () => {
  it('writes one line per site per minute, saying how many it left out', async () => {
    const clock = new ManualClock();
    const lines: { siteId: SiteId; reason: string; suppressed: number }[] = [];
    const counted: string[] = [];
    const failures = new IdentityFailures({
      clock,
      log: { warn: (entry) => lines.push(entry) },
      store: {
        identityChecks: {
          fail: async (siteId, _at, reason) => void counted.push(`${siteId}:${reason}`),
          failures: async () => ({ failed: 0, last: null }),
          prune: async () => {},
        },
      },
    });
    const a = 'site-a' as SiteId;
    const b = 'site-b' as SiteId;
    for (let i = 0; i < 50; i++) await failures.record(a, 'bad_signature');
    await failures.record(b, 'expired');
    clock.advance(59_000);
    await failures.record(a, 'bad_signature');
    expect(lines).toEqual([
      { siteId: a, reason: 'bad_signature', suppressed: 0 },
      { siteId: b, reason: 'expired', suppressed: 0 },
    ]);
    clock.advance(1_000);
    await failures.record(a, 'expired');
    expect(lines.at(-1)).toEqual({ siteId: a, reason: 'expired', suppressed: 50 });
    // Every failure is counted, logged or not.
    expect(counted).toHaveLength(53);
  });
});
