/**
 * Issue #5, "operators can re-issue": the operator page /beheer/uitnodigingen finds an account by
 * username or e-mail address (a POST; nothing personal in a URL) and re-issues its invitation while
 * the gateway runs. Real SMTP, a manual clock; the code from the mail is tried at the real login.
 */
import { expect } from 'chai';
import { inviteAccount } from '../../gateway/accounts/invitations.ts';
import { REISSUE_MESSAGE_KEYS } from '../../gateway/routes/operator/invitations-view.ts';
import { hasMessage, LOCALES } from '../../gateway/i18n/translate.ts';
import type { Account } from '../../gateway/store/types.ts';
import { csrfFrom, DEMO, type TestApp } from '../support/app.ts';
import { loginAs, tokenFor, type Agent } from '../support/agent.ts';
import { DEMO_OPERATOR, operatorLogin } from '../support/operator.ts';
import type { ReceivedMail, TestSmtp } from '../support/smtp.ts';
import { useSmtpApp } from '../support/smtp-app.ts';

const NOW = '2027-03-01T10:00:00+01:00';
const DAY = 24 * 3_600_000;
const NEW_PASSWORD = 'de zwaluwen vliegen laag vandaag';
const PAGE = '/beheer/uitnodigingen';
const REISSUE = '/beheer/uitnodigingen/opnieuw';

async function operatorAgent(t: TestApp): Promise<Agent> {
  const { agent, location } = await operatorLogin(t);
  expect(location).to.equal('/beheer/wijzigingen');
  return agent;
}

async function search(agent: Agent, zoek: string) {
  const token = csrfFrom((await agent.get(PAGE)).text);
  return agent.post(PAGE).type('form').send({ _csrf: token, zoek });
}

/** The re-issue form of the (first) account a page shows, as the button would send it. */
function reissueForm(html: string): { _csrf: string; account: string; issue: string } {
  const form = /<form method="post" action="\/beheer\/uitnodigingen\/opnieuw">([\s\S]*?)<\/form>/.exec(html)?.[1];
  const account = form && /name="account" value="([^"]+)"/.exec(form)?.[1];
  const issue = form && /name="issue" value="(\d+)"/.exec(form)?.[1];
  if (!form || !account || !issue) throw new Error(`no re-issue form in page:\n${html}`);
  return { _csrf: csrfFrom(form), account, issue };
}

function codeIn(mail: ReceivedMail): string {
  const code = /Inlogcode: (\S+)/.exec(mail.text)?.[1];
  if (!code) throw new Error(`no login code in mail:\n${mail.text}`);
  return code;
}

/** A parent as provisioning leaves them: active, an address, no password, never invited. */
async function uninvitedParent(t: TestApp): Promise<Account & { email: string }> {
  const account = (await t.services.store.accounts.list())
    .find((a) => a.status === 'active' && a.email && !a.passwordHash && !a.initialSecretHash);
  if (!account?.email) throw new Error('the mock school has no uninvited parent');
  return account as Account & { email: string };
}

/** Delivery passes until the worker (kicked by the re-issue) has nothing more to do. */
async function deliverAll(t: TestApp): Promise<void> {
  await t.services.delivery.runOnce();
  await t.services.delivery.runOnce();
}

describe('operator: invitations page', function () {
  this.timeout(30_000);
  const mail = useSmtpApp({ now: NOW });
  let smtp: TestSmtp;
  let t: TestApp;
  beforeEach(() => { ({ t, smtp } = mail); });

  it('re-issues an expired invitation: one mail with a new code, the old code dead, the new one opens the first login', async () => {
    const parent = await uninvitedParent(t);
    expect(await inviteAccount({ ...t.services, accounts: t.services.store.accounts }, parent)).to.deep.equal({ outcome: 'invited', issue: 1 });
    await deliverAll(t);
    const [first] = smtp.to(parent.email);
    const oldCode = codeIn(first!);
    t.clock.advance(15 * DAY);
    expect((await loginAs(t, parent.username, oldCode)).status, 'the code after 14 days').to.equal(401);

    const agent = await operatorAgent(t);
    expect((await agent.get(PAGE)).text).to.include('aria-current="page">Uitnodigingen</a>');
    // The address as the parent spells it on the phone: case does not matter.
    const found = await search(agent, ` ${parent.email.toUpperCase()} `);
    expect(found.status).to.equal(200);
    expect(found.text).to.include('1 account gevonden').and.include(`<h3>${parent.username}</h3>`);
    expect(found.text).to.include('actief').and.include('nog niet gekozen').and.include('verlopen op');
    expect(found.text).to.include('uitnodiging 1 op').and.include('bezorgd');
    expect(found.text).not.to.include(oldCode);

    const form = reissueForm(found.text);
    expect(form).to.include({ account: parent.id, issue: '1' });
    const sentCount = smtp.messages.length;
    const reissued = await agent.post(REISSUE).type('form').send(form);
    expect(reissued.status).to.equal(200);
    expect(reissued.text).to.include(`Nieuwe uitnodiging verstuurd naar ${parent.email}.`);
    expect(reissued.text).to.include('staat open, de inlogcode is geldig tot 30 maart 2027');
    await deliverAll(t);
    expect(smtp.messages.length - sentCount, 'exactly one new mail').to.equal(1);
    const fresh = smtp.messages.at(-1)!;
    expect(fresh.envelopeTo).to.deep.equal(first!.envelopeTo);
    const newCode = codeIn(fresh);
    expect(newCode).not.to.equal(oldCode);

    // Sent again (reload, double click): the form is for issue 1, so nothing is sent twice.
    const again = await agent.post(REISSUE).type('form').send(form);
    expect(again.text).to.include('Er is intussen al een nieuwere uitnodiging gemaakt (uitnodiging 2); er is niets opnieuw verstuurd.');
    await deliverAll(t);
    expect(smtp.messages.length - sentCount).to.equal(1);

    expect((await loginAs(t, parent.username, oldCode)).status, 'the old code').to.equal(401);
    const login = await loginAs(t, parent.username, newCode);
    expect(login.location).to.equal('/eerste-keer');
    const choose = await login.agent.get('/eerste-keer');
    const chosen = await login.agent.post('/eerste-keer').type('form')
      .send({ _csrf: csrfFrom(choose.text), newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, username: '' });
    expect(chosen.headers.location).to.equal('/');
    expect((await loginAs(t, parent.username, NEW_PASSWORD)).location).to.equal('/');
    // Nothing personal reached the logs on the way (the search was a POST body, not a URL).
    expect(t.logs()).not.to.include(parent.email).and.not.to.include(parent.username);
  });

  it('stops a still-valid code at once when it is re-issued', async () => {
    const agent = await operatorAgent(t);
    const found = await search(agent, DEMO.firstLogin.username);
    expect(found.text).to.include('staat open, de inlogcode is geldig tot');
    await agent.post(REISSUE).type('form').send(reissueForm(found.text));
    await deliverAll(t);
    const account = await t.services.store.accounts.findByUsername(DEMO.firstLogin.username);
    const [mail] = smtp.to(account!.email!);
    expect((await loginAs(t, DEMO.firstLogin.username, DEMO.firstLogin.secret)).status, 'the replaced code').to.equal(401);
    expect((await loginAs(t, DEMO.firstLogin.username, codeIn(mail!))).location).to.equal('/eerste-keer');
  });

  it('refuses, with the reason, a parent who has a password, a disabled account and one without an address', async () => {
    const agent = await operatorAgent(t);
    const withPassword = await search(agent, DEMO.parent.username);
    expect(withPassword.text).to.include('<dd>gekozen</dd>').and.include('niet nodig: de ouder logt in met een eigen wachtwoord');
    const refused = await agent.post(REISSUE).type('form').send(reissueForm(withPassword.text));
    expect(refused.text).to.include('Niet opnieuw uitgenodigd: deze ouder heeft al een eigen wachtwoord gekozen.');
    expect(refused.text).to.include('Wachtwoord vergeten?');

    const accounts = t.services.store.accounts;
    const disabled = await uninvitedParent(t);
    await accounts.update(disabled.id, { status: 'disabled', disabledReason: 'operator', updatedAt: NOW });
    const disabledPage = await search(agent, disabled.username);
    expect(disabledPage.text).to.include('<span class="tag">uitgeschakeld</span>');
    expect((await agent.post(REISSUE).type('form').send(reissueForm(disabledPage.text))).text)
      .to.include('Niet opnieuw uitgenodigd: dit account is uitgeschakeld');

    const noAddress = await uninvitedParent(t);
    await accounts.update(noAddress.id, { email: undefined, updatedAt: NOW });
    const noAddressPage = await search(agent, noAddress.username);
    expect(noAddressPage.text).to.include('geen (niet bekend in de leerlingadministratie)');
    expect((await agent.post(REISSUE).type('form').send(reissueForm(noAddressPage.text))).text)
      .to.include('de leerlingadministratie heeft geen e-mailadres van deze ouder');

    const gone = await agent.post(REISSUE).type('form').send({ ...reissueForm(noAddressPage.text), account: 'no-such-account' });
    expect(gone.status).to.equal(404);
    expect(gone.text).to.include('Dit account bestaat niet (meer); er is niets verstuurd.');

    await deliverAll(t);
    expect(smtp.messages).to.deep.equal([]);
  });

  it('answers in English when the operator reads English', async () => {
    const agent = await operatorAgent(t);
    const token = csrfFrom((await agent.get(PAGE)).text);
    const found = await agent.post(PAGE).set('Accept-Language', 'en').type('form').send({ _csrf: token, zoek: DEMO.parent.username });
    expect(found.text).to.include('1 account found').and.include('Invite again');
    const refused = await agent.post(REISSUE).set('Accept-Language', 'en').type('form').send(reissueForm(found.text));
    expect(refused.text).to.include('Not invited again: this parent has already chosen their own password.');
    for (const key of Object.values(REISSUE_MESSAGE_KEYS)) {
      for (const locale of LOCALES) expect(hasMessage(locale, key), `${key} in ${locale}`).to.equal(true);
    }
  });

  it('says "niets gevonden" for an unknown name or address, and asks for one when the field is empty', async () => {
    const agent = await operatorAgent(t);
    const unknown = await search(agent, 'niemand.bekend@example.org');
    expect(unknown.status).to.equal(200);
    expect(unknown.text).to.include('Niets gevonden voor “niemand.bekend@example.org”.');
    expect(unknown.text).not.to.include(REISSUE);
    // Exact matches only: part of a username finds nothing.
    expect((await search(agent, 'demo')).text).to.include('Niets gevonden voor “demo”.');
    const empty = await search(agent, '   ');
    expect(empty.status).to.equal(400);
    expect(empty.text).to.include('Vul een gebruikersnaam of e-mailadres in.');
  });

  it('is closed to a parent\'s session and to a post without the CSRF token', async () => {
    const target = await t.services.store.accounts.findByUsername(DEMO.firstLogin.username);
    const parent = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const page = await parent.agent.get(PAGE);
    expect(page.status).to.equal(303);
    expect(page.headers.location).to.equal('/beheer/inloggen');
    const token = await tokenFor(parent.agent);
    const crafted = await parent.agent.post(REISSUE).type('form').send({ _csrf: token, account: target!.id, issue: '0' });
    expect(crafted.status).to.equal(303);
    expect(crafted.headers.location).to.equal('/beheer/inloggen');
    const searched = await parent.agent.post(PAGE).type('form').send({ _csrf: token, zoek: DEMO.firstLogin.username });
    expect(searched.headers.location).to.equal('/beheer/inloggen');

    const agent = await operatorAgent(t);
    const noToken = await agent.post(REISSUE).type('form').send({ account: target!.id, issue: '0' });
    expect(noToken.status).to.equal(403);

    await deliverAll(t);
    expect(smtp.messages).to.deep.equal([]);
    expect((await t.services.store.accounts.get(target!.id))!.invitations).to.equal(undefined);
    const audit = await t.services.store.audit.query({});
    expect(audit.filter((a) => a.action.startsWith('operator.invitation.'))).to.deep.equal([]);
  });

  it('audits every search and re-issue with the operator and ids only', async () => {
    const parent = await uninvitedParent(t);
    const agent = await operatorAgent(t);
    await search(agent, 'niemand.bekend@example.org');
    const found = await search(agent, parent.email);
    await agent.post(REISSUE).type('form').send(reissueForm(found.text));
    const withPassword = await search(agent, DEMO.parent.username);
    await agent.post(REISSUE).type('form').send(reissueForm(withPassword.text));
    const ouder = await t.services.store.accounts.findByUsername(DEMO.parent.username);

    // The audit answers newest first; read it in the order things were done.
    const searches = (await t.services.store.audit.query({ action: 'operator.invitation.search' })).reverse();
    expect(searches.map((a) => a.detail)).to.deep.equal([
      { by: 'both', matches: 0 },
      { by: 'both', matches: 1, accounts: parent.id },
      { by: 'username', matches: 1, accounts: ouder!.id },
    ]);
    const reissues = (await t.services.store.audit.query({ action: 'operator.invitation.reissue' })).reverse();
    expect(reissues.map((a) => a.detail)).to.deep.equal([
      { account: parent.id, outcome: 'invited', issue: 1 },
      { account: ouder!.id, outcome: 'has-password' },
    ]);
    for (const record of [...searches, ...reissues]) {
      expect(record).to.include({ actor: DEMO_OPERATOR.username, actorKind: 'operator' });
      expect(record.requestId).to.be.a('string');
    }
    const written = JSON.stringify([...searches, ...reissues]);
    expect(written).not.to.include(parent.email).and.not.to.include(parent.username).and.not.to.include('niemand.bekend');
  });
});
