// API versions and the two profiles the local Stripe speaks (API-NOTES §1):
// - 'ga': today's surface, the version the installed SDK pins (ui_mode 'elements').
// - 'seed': the 2025 private preview of the seed page, selected by the beta in the version header
//   (`2025-03-31.basil; checkout_server_update_beta=v1;`): ui_mode 'custom' and
//   permissions[update_line_items].
import StripeSdk from 'stripe';
import { invalid, MSG } from './errors';

export const DEFAULT_API_VERSION: string = StripeSdk.API_VERSION;
export const SERVER_UPDATE_BETA = 'checkout_server_update_beta';

export type Profile = 'ga' | 'seed';
export type ApiVersion = { header: string; base: string; betas: Record<string, string>; profile: Profile };

const VERSION_RE = /^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/;

export function parseApiVersion(header: string | undefined): ApiVersion {
  const raw = (header ?? '').trim();
  if (!raw) return { header: DEFAULT_API_VERSION, base: DEFAULT_API_VERSION, betas: {}, profile: 'ga' };
  const [base = '', ...rest] = raw.split(';').map((s) => s.trim());
  if (!VERSION_RE.test(base)) throw invalid(MSG.invalidVersion(raw));
  const betas: Record<string, string> = {};
  for (const part of rest.filter(Boolean)) {
    const [name = '', value = ''] = part.split('=').map((s) => s.trim());
    if (!name || !value) throw invalid(MSG.invalidVersion(raw));
    betas[name] = value;
  }
  const profile: Profile = betas[SERVER_UPDATE_BETA] === 'v1' ? 'seed' : 'ga';
  // Stripe echoes the version it used without the trailing separator.
  return { header: raw.replace(/;\s*$/, ''), base, betas, profile };
}
