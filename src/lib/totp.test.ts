import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totp, type TotpAlgorithm } from './totp.js';

// RFC 6238, Appendix B: the seeds are ASCII "1234567890" repeated to the hash's key length.
const SEEDS: Record<TotpAlgorithm, Buffer> = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};
const VECTORS: Array<[number, string, TotpAlgorithm]> = [
  [59, '94287082', 'sha1'], [59, '46119246', 'sha256'], [59, '90693936', 'sha512'],
  [1111111109, '07081804', 'sha1'], [1111111109, '68084774', 'sha256'], [1111111109, '25091201', 'sha512'],
  [1111111111, '14050471', 'sha1'], [1111111111, '67062674', 'sha256'], [1111111111, '99943326', 'sha512'],
  [1234567890, '89005924', 'sha1'], [1234567890, '91819424', 'sha256'], [1234567890, '93441116', 'sha512'],
  [2000000000, '69279037', 'sha1'], [2000000000, '90698825', 'sha256'], [2000000000, '38618901', 'sha512'],
  [20000000000, '65353130', 'sha1'], [20000000000, '77737706', 'sha256'], [20000000000, '47863826', 'sha512'],
];

describe('TOTP', () => {
  it.each(VECTORS)('gives RFC 6238\'s code at %i seconds (%s, %s)', (time, code, algorithm) => {
    expect(totp(SEEDS[algorithm], time, { digits: 8, algorithm })).toBe(code);
  });

  it('gives RFC 4226\'s HOTP codes for counters 0 to 9', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, counter) => hotp(SEEDS.sha1, counter))).toEqual(expected);
  });

  it('round-trips base32 as RFC 4648 spells it', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('mzxw 6ytb oi======')?.toString()).toBe('foobar');
    expect(base32Decode('not base32!')).toBeNull();
  });

  it('accepts the code of this step or one either side, each step only once', () => {
    const now = 1_800_000_000;
    const code = totp(SEEDS.sha1, now);
    const step = Math.floor(now / 30);
    expect(matchTotp(SEEDS.sha1, code, now, null)).toBe(step);
    expect(matchTotp(SEEDS.sha1, code.slice(0, 3) + ' ' + code.slice(3), now + 30, null)).toBe(step);
    expect(matchTotp(SEEDS.sha1, code, now + 90, null)).toBeNull();
    expect(matchTotp(SEEDS.sha1, code, now, step)).toBeNull();
    expect(matchTotp(SEEDS.sha1, '12345', now, null)).toBeNull();
  });

  it('writes the otpauth address authenticator apps read', () => {
    expect(otpauthUri('Tide Archive', 'mara', 'JBSWY3DPEHPK3PXP')).toBe('otpauth://totp/Tide%20Archive%3Amara?secret=JBSWY3DPEHPK3PXP&issuer=Tide%20Archive&algorithm=SHA1&digits=6&period=30');
  });
});
