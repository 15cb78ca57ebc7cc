import { API_PREFIX } from '@pu/contracts';

/** Same-origin URL of an API route from `ROUTES` (never spelled by hand). */
export function apiUrl(route: string): string {
  return `/${API_PREFIX}/${route}`;
}

/** The `If-Match` value for a record's `version` (the API's ETag is `"<version>"`). */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}
