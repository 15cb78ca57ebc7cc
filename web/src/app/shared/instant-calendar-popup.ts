import { Directive } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

/**
 * On a `<mat-datepicker>`: the calendar popup opens and closes without its fade. Material ignores a close while
 * the popup is still fading in (`MatDatepicker.close()` returns early while its content animates), so an Escape
 * or a day picked with Enter in the first moments after opening was lost and the popup stayed open. On a busy
 * machine that moment lasts long enough for a keyboard user to hit it.
 */
@Directive({
  selector: 'mat-datepicker[puInstantPopup]',
  providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
})
export class InstantCalendarPopup {}
