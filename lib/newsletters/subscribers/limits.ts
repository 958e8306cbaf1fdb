// How often one IP, one address may sign up, and how often one address may be sent a
// confirmation email. Numbers from the environment, for a newsroom behind a shared office NAT.
import type { WindowRule } from "../../rate-limit/window";

const MINUTE = 60_000;

export type SignUpLimits = {
  // Sign-up requests (any address, valid or not) from one IP.
  perIp: WindowRule;
  // Sign-up requests naming one address, from anywhere.
  perAddress: WindowRule;
  // Confirmation emails to one address: further sign-ups meanwhile send nothing (same answer).
  confirmationEmail: WindowRule;
};

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

export function signUpLimits(env: Record<string, string | undefined> = process.env): SignUpLimits {
  return {
    perIp: { limit: positiveInt(env.NEWSLETTER_SIGNUPS_PER_IP, 10), windowMs: 10 * MINUTE },
    perAddress: { limit: positiveInt(env.NEWSLETTER_SIGNUPS_PER_ADDRESS, 5), windowMs: 60 * MINUTE },
    confirmationEmail: { limit: 1, windowMs: positiveInt(env.NEWSLETTER_CONFIRMATION_EMAIL_MINUTES, 10) * MINUTE },
  };
}
