import type { DepartmentRef, Role } from '@pu/contracts';

/** Who is calling: resolved from the session cookie once per request by SessionGuard. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  department: DepartmentRef;
  sessionTokenHash: string;
  idleExpiresAt: Date;
}

export type AuthenticatedRequest = import('fastify').FastifyRequest & { user?: SessionUser };
