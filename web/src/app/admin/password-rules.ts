import { AbstractControl, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@pu/contracts';

/** The API's password policy, from the shared contract. */
export const passwordValidators: ValidatorFn[] = [
  Validators.required,
  Validators.minLength(PASSWORD_MIN_LENGTH),
  Validators.maxLength(PASSWORD_MAX_LENGTH),
];

/** On the "repeat password" control: equal to the sibling `password` control. */
export const matchesPassword: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const password = control.parent?.get('password')?.value as unknown;
  return control.value && control.value !== password ? { mismatch: true } : null;
};

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };
