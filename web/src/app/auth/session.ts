import { Injectable, computed, inject, signal } from '@angular/core';
import type { LoginRequest, MeResponse, Role } from '@pu/contracts';
import { Observable, catchError, firstValueFrom, map, of, tap } from 'rxjs';
import { clearAllDrafts } from '../shared/draft-storage';
import { AuthApi } from './auth-api';
import { handles } from '../http/handled-errors';

/** Navigations closer together than this do not re-ask the server. */
const REVALIDATE_AFTER_MS = 1500;

/** Who is signed in, as the server last said. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly api = inject(AuthApi);
  private readonly current = signal<MeResponse | null>(null);
  private probe: Promise<MeResponse | null> | null = null;
  /** When the server last confirmed the session (ms since epoch). */
  private confirmedAt = 0;

  readonly user = this.current.asReadonly();
  readonly role = computed<Role | null>(() => this.current()?.role ?? null);

  /** Ask the server once (on the first guarded navigation); later calls answer from memory. */
  ensureLoaded(): Promise<MeResponse | null> {
    this.probe ??= firstValueFrom(
      this.api.me(handles(401)).pipe(
        catchError(() => of(null)),
        tap((me) => this.confirm(me)),
      ),
    );
    return this.probe;
  }

  /**
   * Re-check the session in the background (on every navigation): an account disabled or a session
   * ended elsewhere lands on the sign-in page through the global 401 handling; a changed role or
   * department takes effect.
   */
  revalidate(): void {
    if (Date.now() - this.confirmedAt < REVALIDATE_AFTER_MS) {
      return;
    }
    this.confirmedAt = Date.now();
    this.api.me().subscribe({
      next: (me) => this.confirm(me),
      error: () => undefined, // reported by the HTTP error interceptor
    });
  }

  signIn(credentials: LoginRequest): Observable<MeResponse> {
    return this.api.login(credentials).pipe(
      tap((me) => {
        this.confirm(me);
        this.probe = Promise.resolve(me);
      }),
    );
  }

  signOut(): Observable<void> {
    return this.api.logout().pipe(
      catchError(() => of(undefined)),
      map(() => undefined),
      tap(() => {
        // Drafts belong to the person who typed them; a deliberate sign-out discards them.
        clearAllDrafts();
        this.forget();
      }),
    );
  }

  /** The server said the session is gone. Returns whether a session was known until now. */
  expire(): boolean {
    const wasSignedIn = this.current() !== null;
    this.forget();
    return wasSignedIn;
  }

  private confirm(me: MeResponse | null): void {
    this.current.set(me);
    this.confirmedAt = me ? Date.now() : 0;
  }

  private forget(): void {
    this.current.set(null);
    this.probe = Promise.resolve(null);
  }
}
