/** A stand-in vault for outbox tests that really seals (AAD-bound), so a wrong id cannot open a payload. */
import type { Vault } from '../../crypto/vault.ts';

export const standInVault: Pick<Vault, 'sealerIn' | 'openText' | 'opening'> = {
  opening: async (read) => read(),
  sealerIn: async () => ({
    keyId: 'test',
    seal: (plain, aad) => new TextEncoder().encode(JSON.stringify({ aad, plain: typeof plain === 'string' ? plain : Buffer.from(plain).toString('base64') })),
  }),
  openText: (sealed, aad) => {
    const box = JSON.parse(new TextDecoder().decode(sealed)) as { aad: string; plain: string };
    if (box.aad !== aad) throw new Error('wrong AAD');
    return box.plain;
  },
};
