import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ROUTES, type AccountSettingsResponse, type UpdateAccountSettingsRequest } from '@pu/contracts';
import { Observable } from 'rxjs';
import { apiUrl, ifMatch } from '../http/api-url';
import { handles } from '../http/handled-errors';

/** The signed-in user's own settings. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  settings(): Observable<AccountSettingsResponse> {
    return this.http.get<AccountSettingsResponse>(apiUrl(ROUTES.account.settings));
  }

  updateSettings(version: number, body: UpdateAccountSettingsRequest): Observable<AccountSettingsResponse> {
    return this.http.patch<AccountSettingsResponse>(apiUrl(ROUTES.account.settings), body, {
      headers: ifMatch(version),
      context: handles(422, 'STALE_VERSION'),
    });
  }
}
