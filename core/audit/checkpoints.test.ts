import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { regenerateIdentity, memorySecretStore } from '../signing/identity.ts';
import { ManualClock, tempDir } from '../tests/helpers.ts';
import { logIdOf } from './chain.ts';
import { checkCheckpoint, checkpointBody, fileCheckpointSink, makeCheckpoint, signerFromIdentity, type CheckpointSigner } from './checkpoints.ts';

const tmp = tempDir('kiosk-checkpoints-');
afterAll(() => tmp.cleanup());
let signer: CheckpointSigner;
beforeAll(async () => {
  signer = signerFromIdentity(await regenerateIdentity(memorySecretStore(), 'Test Clinic', new ManualClock()));
});

const key = new Uint8Array(randomBytes(32));
const body = { log: logIdOf(key), seq: 3, entries: 120, headMac: 'ab'.repeat(32), at: '2025-03-10T09:00:00.000Z' };

describe('checkpoints', () => {
  it('verify with openssl from the line alone (signature over checkpointBody, certificate embedded)', () => {
    const c = makeCheckpoint(key, signer, body);
    const dir = tmp.dir;
    writeFileSync(join(dir, 'body.json'), checkpointBody(c));
    writeFileSync(join(dir, 'sig.bin'), Buffer.from(c.signature, 'base64'));
    writeFileSync(join(dir, 'cert.der'), Buffer.from(c.certificate, 'base64'));
    const pub = execFileSync('openssl', ['x509', '-inform', 'DER', '-in', join(dir, 'cert.der'), '-noout', '-pubkey']);
    writeFileSync(join(dir, 'pub.pem'), pub);
    const out = execFileSync('openssl', ['dgst', '-sha256', '-verify', join(dir, 'pub.pem'), '-signature', join(dir, 'sig.bin'), join(dir, 'body.json')]).toString();
    expect(out.trim()).toBe('Verified OK');
  });

  it.each([
    ['as written', {}, { isMacValid: true, isSignatureValid: true }],
    ['entry count changed', { entries: 119 }, { isMacValid: false, isSignatureValid: false }],
    ['head MAC changed', { headMac: 'cd'.repeat(32) }, { isMacValid: false, isSignatureValid: false }],
    ['signature from elsewhere', { signature: Buffer.from('x').toString('base64') }, { isMacValid: true, isSignatureValid: false }],
  ])('check: %s', (_label, change, expected) => {
    expect(checkCheckpoint(key, { ...makeCheckpoint(key, signer, body), ...change })).toEqual(expected);
  });

  it('a file sink appends lines (0600 beside the database), skips torn and foreign lines, and is a no-op when not configured', async () => {
    const sink = fileCheckpointSink('the data folder', () => tmp.dir, { createBase: true, fileMode: 0o600 });
    await sink.append(makeCheckpoint(key, signer, body));
    await sink.append(makeCheckpoint(key, signer, { ...body, seq: 4, entries: 130 }));
    const file = join(tmp.dir, 'audit-checkpoints', `audit-${body.log}.jsonl`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    appendFileSync(file, '{"format":"kiosk-audit-checkpoint/1","seq":5,"ent'); // a crash mid-line
    const read = await sink.read(body.log);
    expect(read.checkpoints.map((c) => c.seq)).toEqual([3, 4]);
    expect(read.skipped).toBe(1);
    expect(readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('{')).length).toBe(3);
    const unset = fileCheckpointSink('the export folder', () => null, { createBase: false, fileMode: 0o640 });
    await unset.append(makeCheckpoint(key, signer, body));
    expect(await unset.read(body.log)).toEqual({ checkpoints: [], skipped: 0, isConfigured: false });
  });

  it('an export folder that does not exist is not created (a missing share fails loudly)', async () => {
    const sink = fileCheckpointSink('the export folder', () => join(tmp.dir, 'offline-share'), { createBase: false, fileMode: 0o640 });
    await expect(sink.append(makeCheckpoint(key, signer, body))).rejects.toThrow();
  });
});
