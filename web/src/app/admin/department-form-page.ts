import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { DepartmentResponse } from '@pu/contracts';
import { of } from 'rxjs';
import { Notifier } from '../shared/notifier';
import { AdminApi } from './admin-api';
import { AdminForm } from './admin-form';
import { AdminFormFrame } from './admin-form-frame';

/** The API's rule for a department symbol (after trimming), e.g. "OR". */
const SYMBOL = /^[A-Z][A-Z0-9-]{0,9}$/;
const NAME_MAX = 200;

function symbolRule(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  return value && !SYMBOL.test(value) ? { pattern: true } : null;
}

function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && !control.value.trim() ? { required: true } : null;
}

/** Create a department (`/administracja/wydzialy/nowy`) or edit one (`/administracja/wydzialy/:id`). */
@Component({
  selector: 'pu-department-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    TranslocoPipe,
    AdminFormFrame,
  ],
  templateUrl: './department-form-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentFormPage {
  private readonly api = inject(AdminApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);

  private readonly departmentId = inject(ActivatedRoute).snapshot.paramMap.get('id');
  protected readonly editing = this.departmentId !== null;

  protected readonly form = inject(NonNullableFormBuilder).group({
    symbol: ['', [Validators.required, symbolRule]],
    name: ['', [Validators.required, notBlank, Validators.maxLength(NAME_MAX)]],
  });
  protected readonly shell = new AdminForm<DepartmentResponse>(this.form, {
    editing: this.editing,
    load: () => (this.departmentId ? this.api.department(this.departmentId) : of(null)),
    valuesOf: (d) => ({ symbol: d.symbol, name: d.name }),
    draftName: this.editing ? 'department-edit' : 'department-create',
    staleKey: 'admin.departments.staleVersion',
    duplicateField: 'symbol',
  });

  constructor() {
    this.shell.load();
  }

  protected submit(): void {
    this.shell.submit(
      (current) => {
        const body = { symbol: this.form.controls.symbol.value.trim(), name: this.form.controls.name.value.trim() };
        return current ? this.api.updateDepartment(current.id, current.version, body) : this.api.createDepartment(body);
      },
      (saved, current) => {
        this.notifier.success(
          this.transloco.translate(current ? 'admin.departments.updated' : 'admin.departments.created', {
            symbol: saved.symbol,
          }),
        );
        void this.router.navigate(['/administracja/wydzialy']);
      },
    );
  }
}
