import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ensureScreenshotDir, signIn, startConsoleServer, type ConsoleServer } from '../../test/browser.ts';

let app: ConsoleServer;
const admin = { email: 'ana@example.test', password: 'a long console password' };

before(async () => {
  app = await startConsoleServer({ tmpPrefix: 'opsdesk-console-', users: [{ email: admin.email, name: 'Ana', role: 'admin', password: admin.password }] });
});
after(async () => {
  await app?.stop();
});

test('an admin signs in, creates an API token and sees it listed', async () => {
  const page = await app.signedInPage(admin);
  try {
    await page.getByRole('link', { name: 'Users & tokens' }).click();
    await page.getByPlaceholder('token name, e.g. otel-collector').fill('grafana');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByText(/Token grafana \(shown once\): ods_/).waitFor();
    await page.getByRole('cell', { name: 'grafana' }).waitFor();
    await page.screenshot({ path: join(ensureScreenshotDir(), 'settings-users.png') });
  } finally {
    await page.close();
  }
});

test('behavior: the console is usable with the keyboard alone', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(app.url + '/');
    await page.getByLabel('E-mail').waitFor();
    await page.keyboard.type(admin.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(admin.password);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    assert.equal(await page.evaluate(() => document.title.endsWith('OpsDesk')), true);
  } finally {
    await page.close();
  }
});

test('error: a wrong password shows the API problem message', async () => {
  const page = await app.browser.newPage();
  try {
    await signIn(page, app.url, { email: admin.email, password: 'not the password' }, { expectRefusal: true });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /E-mail or password is wrong/);
  } finally {
    await page.close();
  }
});
