/** The scopes an API key can be granted; each operation open to API keys names the ones it accepts. */
export const API_SCOPES = [
  'dealerships:read',
  'members:read',
  'members:write',
  'members:login',
  'transactions:read',
  'transactions:write',
  'cards:read',
  'cards:write',
  'benefits:read',
  'benefits:write',
  'activities:read',
  'activities:write',
  'complaints:read',
  'complaints:write',
] as const;

export type ApiScope = (typeof API_SCOPES)[number];
