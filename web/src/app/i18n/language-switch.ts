import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language } from './language';

/** Toolbar button that switches between Polish and English; its label is in the target language. */
@Component({
  selector: 'pu-language-switch',
  imports: [MatButtonModule, MatIconModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    // Narrow screens: the word only, without the icon, to leave room in the toolbar.
    @media (max-width: 599.98px) {
      .language-switch {
        min-width: 0;
        padding: 0 8px;
      }
      .language-switch mat-icon {
        display: none;
      }
    }
  `,
  template: `
    <!-- The visible name is the target language, in that language; the hidden part says what the button does. -->
    <button mat-button type="button" class="language-switch" (click)="language.toggle()">
      <mat-icon>translate</mat-icon>
      <span class="target" [attr.lang]="'lang.otherCode' | transloco">{{ 'lang.other' | transloco }}</span>
      <span class="visually-hidden"> – {{ 'lang.switchTo' | transloco }}</span>
    </button>
  `,
})
export class LanguageSwitch {
  protected readonly language = inject(Language);
}
