import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Language } from '../i18n/language';

/** Every request asks the API to answer in the interface language (its errors and field messages). */
export const languageInterceptor: HttpInterceptorFn = (req, next) =>
  next(req.clone({ setHeaders: { 'Accept-Language': inject(Language).lang() } }));
