import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/platform/config/index.ts';
import { loadChainKey } from '../../../src/platform/audit/index.ts';

describe('audit trail configuration', () => {
  it('requires AUDIT_CHAIN_KEY in production, without echoing a short one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrowError(/AUDIT_CHAIN_KEY is required/);
    let message = '';
    try {
      loadConfig({ AUDIT_CHAIN_KEY: 'short-chain-secret' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/AUDIT_CHAIN_KEY must be at least 32 characters/);
    expect(message).not.toContain('short-chain-secret');
  });

  it('outside production keeps a generated chain key beside the development signing key, never a built-in one', () => {
    expect(loadConfig({ AUTH_LOCAL_KEY_FILE: '/keys/dev/signing.json' }).audit.chainKey).toEqual({
      devFile: '/keys/dev/dev-audit-chain-key',
    });
    const secret = 'a-configured-chain-key-0123456789abcdef';
    expect(loadConfig({ AUDIT_CHAIN_KEY: secret }).audit.chainKey).toEqual({ secret });
  });

  it('refuses a Redis sink or a Redis anchor without REDIS_URL instead of quietly writing a file', () => {
    expect(() => loadConfig({ AUDIT_SINK: 'redis' })).toThrowError(/AUDIT_SINK redis needs REDIS_URL/);
    expect(() => loadConfig({ AUDIT_ANCHOR_KEY: 'svoc:audit:anchor' })).toThrowError(
      /AUDIT_ANCHOR_KEY needs REDIS_URL/,
    );
    expect(
      loadConfig({ AUDIT_ANCHOR_KEY: 'svoc:audit:anchor', REDIS_URL: 'redis://127.0.0.1:6379' }).audit
        .anchorKey,
    ).toBe('svoc:audit:anchor');
  });
});

describe('the development chain key', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'svoc-dev-secret-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is generated once, private to the owner, and the same for processes starting together', async () => {
    const devFile = join(dir, 'nested', 'dev-audit-chain-key');
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadChainKey({ devFile })));
    const exported = new Set(keys.map((key) => key.export().toString('hex')));
    expect(exported.size).toBe(1);
    expect((await readFile(devFile, 'utf8')).trim().length).toBeGreaterThanOrEqual(43);
    expect((await stat(devFile)).mode & 0o777).toBe(0o600);
    expect((await loadChainKey({ devFile })).export().toString('hex')).toBe([...exported][0]);
  });
});
