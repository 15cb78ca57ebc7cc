import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CaseKindName, ChannelName, ClientDetails, CreateCaseRequest } from '@pu/contracts';
import { CASE_CREATION_RULES, CASE_TEXT_LIMITS as L, eventFieldOf, isAnonymousCase } from '@pu/workflow';
import { merge } from 'rxjs';
import { specificErrorMessage, toApiError } from '../http/api-error';
import { Language } from '../i18n/language';
import { fromDateTimeInput, toDateTimeInput } from '../shared/date-time';
import { formDraft } from '../shared/form-draft';
import { LocalizedPipe } from '../shared/localized';
import { Notifier } from '../shared/notifier';
import { applyServerFieldErrors, focusFirstInvalid } from '../shared/server-errors';
import { channelOptions } from './case-labels';
import { CasesApi, newIdempotencyKey } from './cases-api';
import { type WorkflowCatalog, WorkflowCatalogApi } from '../workflows/workflow-catalog';
import { notBlank } from './step-form-model';
import { DateTimeField } from '../shared/date-time-field';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/** How long the API accepts each text (the same limits as its request validation). */
const MAX = {
  subject: L.subject,
  description: L.description,
  name: L.clientName,
  address: L.clientAddress,
  phone: L.clientPhone,
  email: L.clientEmail,
  accommodation: L.clientAccommodation,
};

const kindOf = (control: AbstractControl): CaseKindName | null =>
  (control.root.get('kind')?.value as CaseKindName | '' | undefined) || null;

/** Office errors: when the error was found is required (the time to inform the client runs from it). */
function discoveredAtRule(control: AbstractControl<string>): ValidationErrors | null {
  const kind = kindOf(control);
  const event = kind ? CASE_CREATION_RULES[kind].event : null;
  return event?.field === 'discoveredAt' && event.required && !control.value ? { required: true } : null;
}

/** A kind that may not be anonymous needs a name or an address (a complaint without both is anonymous). */
function nameOrAddressRule(control: AbstractControl<string>): ValidationErrors | null {
  const kind = kindOf(control);
  const address = (control.parent?.get('address')?.value as string | undefined) ?? '';
  return kind && !CASE_CREATION_RULES[kind].mayBeAnonymous && !control.value.trim() && !address.trim()
    ? { nameOrAddress: true }
    : null;
}

const trimmed = (value: string): string | null => value.trim() || null;

/** `/sprawy/nowa`: register a case. The kind comes first; the form then shows what that kind needs. */
@Component({
  selector: 'pu-case-create-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    DateTimeField,
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatRadioModule,
    MatCheckboxModule,
    MatButtonModule,
    MatIconModule,
    TranslocoPipe,
    LocalizedPipe,
  ],
  templateUrl: './case-create-page.html',
  styleUrl: './case-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseCreatePage {
  private readonly api = inject(CasesApi);
  private readonly workflows = inject(WorkflowCatalogApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly lang = inject(Language).lang;
  protected readonly max = MAX;
  protected readonly catalog = signal<WorkflowCatalog | null>(null);
  protected readonly catalogFailed = signal(false);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly channels = computed(() => channelOptions(this.catalog()));

  protected readonly form = this.fb.group({
    // Part of the draft: a reload after a submission whose answer was lost sends the same key again.
    idempotencyKey: newIdempotencyKey(),
    kind: ['' as CaseKindName | '', Validators.required],
    subject: ['', [Validators.required, notBlank, Validators.maxLength(MAX.subject)]],
    description: ['', Validators.maxLength(MAX.description)],
    channel: ['' as ChannelName | '', Validators.required],
    receivedAt: [toDateTimeInput(new Date()), Validators.required],
    discoveredAt: ['', discoveredAtRule],
    incidentAt: [''],
    client: this.fb.group({
      name: ['', [nameOrAddressRule, Validators.maxLength(MAX.name)]],
      address: ['', Validators.maxLength(MAX.address)],
      phone: ['', Validators.maxLength(MAX.phone)],
      email: ['', [Validators.email, Validators.maxLength(MAX.email)]],
      accommodation: ['', Validators.maxLength(MAX.accommodation)],
      isCouncillorOrMp: false,
    }),
  });
  protected readonly draft = formDraft(this.form, 'case-create');

  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly kind = computed(() => this.value().kind ?? '');
  /** The kind's own event asked here (an error's discovery, the incident), if any. */
  protected readonly eventField = computed(() => {
    const kind = this.kind();
    return kind ? eventFieldOf(kind) : null;
  });
  protected readonly mayBeAnonymous = computed(() => {
    const kind = this.kind();
    return kind ? CASE_CREATION_RULES[kind].mayBeAnonymous : false;
  });
  protected readonly anonymous = computed(() => {
    const kind = this.kind();
    return kind ? isAnonymousCase(kind, this.value().client ?? {}) : false;
  });

  constructor() {
    this.workflows
      .catalog()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (c) => this.catalog.set(c), error: () => this.catalogFailed.set(true) });
    const { kind, client } = this.form.controls;
    merge(kind.valueChanges, client.controls.address.valueChanges)
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        this.form.controls.discoveredAt.updateValueAndValidity({ emitEvent: false });
        client.controls.name.updateValueAndValidity({ emitEvent: false });
      });
    this.draft.restore();
  }

  protected retryCatalog(): void {
    this.catalogFailed.set(false);
    this.workflows.catalog().subscribe({ next: (c) => this.catalog.set(c), error: () => this.catalogFailed.set(true) });
  }

  protected discardDraft(): void {
    this.draft.clear();
    this.form.reset();
    this.form.controls.receivedAt.setValue(toDateTimeInput(new Date()));
    this.form.controls.idempotencyKey.setValue(newIdempotencyKey());
    this.form.markAsPristine();
  }

  protected submit(): void {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formError.set(this.transloco.translate('common.formHasErrors'));
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const body = this.body();
    if (!body) {
      return;
    }
    this.saving.set(true);
    this.api.create(body, this.form.controls.idempotencyKey.value).subscribe({
      next: (created) => {
        this.draft.clear();
        this.notifier.success(this.transloco.translate('cases.create.created', { reference: created.reference }));
        void this.router.navigate(['/sprawy', created.id]);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const e = toApiError(err);
        if (e.code === 'IDEMPOTENCY_KEY_REUSED') {
          // The earlier submission with this key (other data) may have been registered: say so, and start a new one.
          this.form.controls.idempotencyKey.setValue(newIdempotencyKey());
          this.formError.set(this.transloco.translate('cases.create.keyReused'));
          return;
        }
        if (e.statusCode === 422) {
          const rest = applyServerFieldErrors(this.form, e);
          this.formError.set(rest.length ? rest.join(' ') : specificErrorMessage(this.transloco, e));
          focusFirstInvalid(this.host.nativeElement);
        }
        // Anything else (no answer, 5xx) was shown by the interceptor; the same key makes a retry safe.
      },
    });
  }

  private body(): CreateCaseRequest | null {
    const v = this.form.getRawValue();
    if (!v.kind || !v.channel) {
      return null;
    }
    const c = v.client;
    const client: ClientDetails = {
      name: trimmed(c.name),
      address: trimmed(c.address),
      phone: trimmed(c.phone),
      email: trimmed(c.email),
      accommodation: trimmed(c.accommodation),
      ...(v.kind === 'complaint' ? { isCouncillorOrMp: c.isCouncillorOrMp } : {}),
    };
    const description = v.description.trim();
    const receivedAt = fromDateTimeInput(v.receivedAt);
    const event = eventFieldOf(v.kind);
    const discoveredAt = event === 'discoveredAt' ? fromDateTimeInput(v.discoveredAt) : null;
    const incidentAt = event === 'incidentAt' ? fromDateTimeInput(v.incidentAt) : null;
    return {
      kind: v.kind,
      subject: v.subject.trim(),
      channel: v.channel,
      client,
      ...(description ? { description } : {}),
      ...(receivedAt ? { receivedAt } : {}),
      ...(discoveredAt ? { discoveredAt } : {}),
      ...(incidentAt ? { incidentAt } : {}),
    };
  }
}
