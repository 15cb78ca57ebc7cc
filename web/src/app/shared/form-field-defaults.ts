import { Provider } from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldDefaultOptions } from '@angular/material/form-field';

/**
 * Outlined form fields whose hint/error line grows with the text (long Polish messages wrap instead
 * of being cut). Provided by the pages and dialogs with forms, so form-field code stays out of the initial bundle;
 * not by their routes, whose files the router must load before it can match a URL and should stay small.
 */
export const FORM_FIELD_DEFAULTS: Provider = {
  provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
  useValue: { appearance: 'outline', subscriptSizing: 'dynamic' } satisfies MatFormFieldDefaultOptions,
};
