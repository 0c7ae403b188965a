// Demo accounts: their TOTP secrets are derived from the e-mail address, so `schakel demo totp EMAIL` can show the
// current code without opening the database (which the running server holds). Never seeded in production.
import { createHmac } from 'node:crypto';
import { Secret } from 'otpauth';
import type { Ctx } from '../context.js';

export const DEMO_DOMAIN = 'demo.schakel.example';

export function demoTotpSecret(email: string): string {
  const bytes = createHmac('sha1', 'schakel-demo-totp').update(email.trim().toLowerCase()).digest();
  return new Secret({ buffer: new Uint8Array(bytes).buffer }).base32;
}

export function isDemoAccount(ctx: Pick<Ctx, 'config'>, email: string): boolean {
  return ctx.config.env !== 'production' && email.endsWith(`@${DEMO_DOMAIN}`);
}
