// TOTP (RFC 6238) as every authenticator app speaks it: SHA-1, 6 digits, 30 s. A code is accepted one step early
// or late for clock drift, and never twice: the last used step is stored.
import { Secret, TOTP } from 'otpauth';

const PERIOD = 30;

function totp(secretBase32: string, label = 'Schakel'): TOTP {
  return new TOTP({
    issuer: 'Schakel',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, email: string): string {
  return totp(secretBase32, email).toString();
}

export function totpCode(secretBase32: string, at: Date): string {
  return totp(secretBase32).generate({ timestamp: at.getTime() });
}

/** The time step of an accepted code, or null. `lastStep`: the step used last time, which may not be reused. */
export function checkTotp(
  secretBase32: string,
  code: string,
  at: Date,
  lastStep: number | null,
): number | null {
  const clean = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(clean)) return null;
  const delta = totp(secretBase32).validate({ token: clean, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(at.getTime() / 1000 / PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}
