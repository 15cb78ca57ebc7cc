import type { CaseResponse } from '@pu/contracts';
import { changedFields, editConflict, editValuesOf, updateRequest, type CaseEditValues } from './case-edit-model';

const base: CaseEditValues = {
  subject: 'Dziura w chodniku',
  description: '',
  name: 'Anna Nowak',
  address: '',
  phone: '+48 600 000 001',
  email: '',
  accommodation: '',
  isCouncillorOrMp: false,
};

describe('case edit model', () => {
  it('reads a case into the form, blanks for nulls', () => {
    const c = {
      subject: 'S',
      description: null,
      client: { name: 'N', address: null, phone: null, email: 'a@b.pl', accommodation: null, isCouncillorOrMp: true },
    } as unknown as CaseResponse;
    expect(editValuesOf(c)).toEqual({
      subject: 'S',
      description: '',
      name: 'N',
      address: '',
      phone: '',
      email: 'a@b.pl',
      accommodation: '',
      isCouncillorOrMp: true,
    });
  });

  it('sends only what changed, blanks as null, text trimmed', () => {
    const now = { ...base, phone: ' +48 600 000 002 ', name: 'Anna Nowak ', description: '', accommodation: 'Parter' };
    const fields = changedFields(base, now);
    expect(fields).toEqual(['phone', 'accommodation']);
    expect(updateRequest(now, fields)).toEqual({ client: { phone: '+48 600 000 002', accommodation: 'Parter' } });
    expect(updateRequest({ ...base, email: '' }, ['email', 'isCouncillorOrMp'])).toEqual({
      client: { email: null, isCouncillorOrMp: false },
    });
    expect(updateRequest({ ...base, subject: ' Nowy ' }, ['subject'])).toEqual({ subject: 'Nowy' });
  });

  it('lists what either side changed, with the clash where both did differently', () => {
    const theirs = { ...base, phone: '+48 600 000 009', subject: 'Dziura w chodniku, ul. Polna' };
    const mine = { ...base, phone: '+48 600 000 002', isCouncillorOrMp: true, subject: 'Dziura w chodniku, ul. Polna' };
    expect(editConflict(base, theirs, mine)).toEqual([
      { field: 'subject', before: base.subject, theirs: theirs.subject, mine: mine.subject, clash: false },
      { field: 'phone', before: base.phone, theirs: theirs.phone, mine: mine.phone, clash: true },
      { field: 'isCouncillorOrMp', before: false, theirs: false, mine: true, clash: false },
    ]);
  });
});
