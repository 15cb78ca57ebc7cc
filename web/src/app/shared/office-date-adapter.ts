import { Injectable, type Provider } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, type MatDateFormats } from '@angular/material/core';
import { DateFnsAdapter } from '@angular/material-date-fns-adapter';
import { TZDate } from '@date-fns/tz';
import { OFFICE_TIME_ZONE } from '@pu/workflow';

/**
 * date-fns' adapter with the office's today: the calendar marks and opens on the Warsaw day, which a browser in
 * another zone would be a day off from around midnight. Picked days stay wall-clock dates (see date-input-value).
 */
@Injectable()
export class OfficeDateAdapter extends DateFnsAdapter {
  override today(): Date {
    const office = new TZDate(Date.now(), OFFICE_TIME_ZONE);
    return new Date(office.getFullYear(), office.getMonth(), office.getDate());
  }
}

export function provideOfficeDateAdapter(formats: MatDateFormats): Provider[] {
  return [
    { provide: DateAdapter, useClass: OfficeDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: formats },
  ];
}
