import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { LoginRequest, MeResponse, ROUTES } from '@pu/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';
import { handles } from '../http/handled-errors';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  /** The login page shows every failure itself (wrong password, throttling, server down). */
  login(body: LoginRequest): Observable<MeResponse> {
    return this.http.post<MeResponse>(apiUrl(ROUTES.auth.login), body, { context: handles('*') });
  }

  logout(): Observable<void> {
    return this.http.post<void>(apiUrl(ROUTES.auth.logout), null, { context: handles('*') });
  }

  /** `context` lets the start-up probe treat 401 as "not signed in" rather than "session expired". */
  me(context?: HttpContext): Observable<MeResponse> {
    return this.http.get<MeResponse>(apiUrl(ROUTES.auth.me), { context });
  }
}
