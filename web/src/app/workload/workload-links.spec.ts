import { figureLink, myWorkLink } from './workload-links';

describe('figureLink: every dashboard number leads to the list of exactly those items', () => {
  it('case figures filter the case list by department, person and threshold', () => {
    expect(figureLink('overdue', 'D', { kind: 'person', id: 'U' })).toEqual({
      path: '/sprawy',
      queryParams: { department: 'D', assignee: 'U', overdue: 'true' },
    });
    expect(figureLink('dueSoon', 'D', { kind: 'everyone' })?.queryParams).toEqual({ department: 'D', dueWithin: '3' });
    expect(figureLink('idle', 'D', { kind: 'nobody' })?.queryParams).toEqual({
      department: 'D',
      unassigned: 'true',
      idle: '7',
    });
    expect(figureLink('overdue', null, { kind: 'everyone' })?.queryParams).toEqual({ overdue: 'true' });
  });

  it('promise figures filter the promise list; the unassigned row has none', () => {
    expect(figureLink('brokenPromises', 'D', { kind: 'person', id: 'U' })).toEqual({
      path: '/obietnice',
      queryParams: { stan: 'po-terminie', zakres: 'wydzial', wydzial: 'D', osoba: 'U' },
    });
    expect(figureLink('promisesDueToday', null, { kind: 'everyone' })?.queryParams).toEqual({
      stan: 'dzis',
      zakres: 'wszystkie',
    });
    expect(figureLink('brokenPromises', 'D', { kind: 'nobody' })).toBeNull();
  });
});

describe('myWorkLink', () => {
  it("points to my cases, my promises and my department's unassigned cases", () => {
    const me = { id: 'U', departmentId: 'D' };
    expect(myWorkLink('myCasesDueSoon', me).queryParams).toEqual({ assignee: 'U', dueWithin: '3' });
    expect(myWorkLink('myPromisesDueToday', me)).toEqual({
      path: '/obietnice',
      queryParams: { stan: 'dzis', zakres: 'moje' },
    });
    expect(myWorkLink('departmentUnassigned', me).queryParams).toEqual({ department: 'D', unassigned: 'true' });
  });
});
