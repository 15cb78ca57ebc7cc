import { readFileSync } from 'node:fs';
import { DEMO, expect, expectAccessible, signIn, test } from './support/fixtures';

test.describe('Downloads on the report page', () => {
  test('the quality officer downloads the annual report as PDF and the complaints register as CSV', async ({
    page,
  }) => {
    await signIn(page, DEMO.quality.username);
    await page.getByRole('link', { name: 'Raport jakości' }).click();
    const downloads = page.getByTestId('export-downloads');
    await expect(downloads.getByRole('heading', { name: 'Pobieranie' })).toBeVisible();

    const pdfDownload = page.waitForEvent('download');
    await downloads.getByRole('button', { name: 'Pobierz: Raport roczny, PDF' }).click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toMatch(/^raport-jakosci-\d{4}\.pdf$/);
    const pdfBytes = readFileSync(await pdf.path());
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
    await expect(page.getByTestId('export-status')).toContainText(`Pobrano plik ${pdf.suggestedFilename()}`);

    const csvDownload = page.waitForEvent('download');
    await downloads.getByRole('button', { name: 'Pobierz: Rejestr skarg i wniosków, CSV' }).click();
    const csv = await csvDownload;
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFLp.;Data wpływu;Skarżący (imię i nazwisko lub nazwa);Adres;Przedmiot skargi;' +
        'Data przekazania do załatwienia;Komu przekazano;Termin załatwienia;Data załatwienia;Sposób załatwienia;' +
        'Data wysłania zawiadomienia;Kogo zawiadomiono;Uwagi',
    );
    await expect(page.getByTestId('export-status')).toContainText('Pobrano plik rejestr-skarg');
    await downloads.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'tmp/e2e-web/exports-pl.png', fullPage: true });
    await expectAccessible(page, 'report page downloads');
  });

  test('a manager’s download is their department’s; the English page says the same', async ({ page }) => {
    await signIn(page, DEMO.manager.username);
    await page.getByRole('link', { name: 'Raport jakości' }).click();
    const downloads = page.getByTestId('export-downloads');
    const statistics = page.waitForEvent('download');
    await downloads.getByRole('button', { name: 'Pobierz: Statystyka do publikacji, JSON' }).click();
    const file = await statistics;
    expect(file.suggestedFilename()).toMatch(/^statystyka-publiczna-SO-/);
    const stats = JSON.parse(readFileSync(await file.path(), 'utf8')) as { department: { symbol: string } };
    expect(stats.department.symbol).toBe('SO');

    await page.getByRole('button', { name: 'Zmień język na angielski' }).click();
    await expect(downloads.getByRole('heading', { name: 'Downloads' })).toBeVisible();
    await expect(downloads.getByRole('button', { name: 'Download: Complaints register, XLSX' })).toBeVisible();
    await page.screenshot({ path: 'tmp/e2e-web/exports-en.png', fullPage: true });
    await page.getByRole('button', { name: 'Switch language to Polish' }).click();
  });
});
