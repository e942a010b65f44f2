/**
 * Texts for the login, password and username reason codes, by i18n key, in Dutch and English, for the
 * message catalogue of the views. `{min}`, `{max}` and `{retryAfterMin}` are filled in by the caller.
 * The texts say what to do, not what the rule is called (parents are not security engineers).
 */
import { PASSWORD_REASON_MESSAGE_KEYS } from './password-policy.ts';
import type { PolicyReason } from './password-policy.ts';
import { USERNAME_REASON_MESSAGE_KEYS } from './username.ts';
import type { UsernameReason } from './username.ts';
import { FIRST_LOGIN_REASON_MESSAGE_KEYS } from './first-login.ts';
import { CHANGE_PASSWORD_REASON_MESSAGE_KEYS } from './change-password.ts';

type Catalogue = Readonly<Record<string, string>>;

const policyNl: Record<PolicyReason, string> = {
  too_short: 'Kies een wachtwoord van minstens {min} tekens. Een zin van een paar woorden werkt goed.',
  too_long: 'Een wachtwoord mag hoogstens {max} tekens lang zijn.',
  blocklisted: 'Dit wachtwoord is te makkelijk te raden: het bestaat uit een veelgebruikt woord. Kies een zin van een paar woorden die bij elkaar niet voor de hand liggen.',
  context_word: 'Gebruik niet (alleen) uw naam, de naam van uw kind of van de school in uw wachtwoord.',
  contains_username: 'Uw wachtwoord mag uw gebruikersnaam of e-mailadres niet bevatten.',
  repetitive: 'Dit wachtwoord herhaalt te veel dezelfde tekens of woorden.',
  sequential: 'Dit wachtwoord is een reeks zoals 12345, abcde of qwerty; die zijn makkelijk te raden.',
};

const policyEn: Record<PolicyReason, string> = {
  too_short: 'Choose a password of at least {min} characters. A sentence of a few words works well.',
  too_long: 'A password may be at most {max} characters long.',
  blocklisted: 'This password is easy to guess: it is made of a commonly used word. Choose a sentence of a few words that do not obviously belong together.',
  context_word: 'Do not use (only) your name, your child\'s name or the school\'s name in your password.',
  contains_username: 'Your password must not contain your username or e-mail address.',
  repetitive: 'This password repeats the same characters or words too much.',
  sequential: 'This password is a sequence such as 12345, abcde or qwerty; those are easy to guess.',
};

const usernameNl: Record<UsernameReason, string> = {
  username_too_short: 'Een gebruikersnaam heeft minstens {min} tekens.',
  username_too_long: 'Een gebruikersnaam heeft hoogstens {max} tekens.',
  username_invalid: 'Gebruik in een gebruikersnaam alleen kleine letters a-z, cijfers en . _ @ -',
  username_taken: 'Deze gebruikersnaam is al in gebruik. Kies een andere.',
};

const usernameEn: Record<UsernameReason, string> = {
  username_too_short: 'A username has at least {min} characters.',
  username_too_long: 'A username has at most {max} characters.',
  username_invalid: 'Use only lower-case letters a-z, digits and . _ @ - in a username.',
  username_taken: 'This username is already in use. Please choose another.',
};

type OtherKey =
  | (typeof FIRST_LOGIN_REASON_MESSAGE_KEYS)[keyof typeof FIRST_LOGIN_REASON_MESSAGE_KEYS]
  | (typeof CHANGE_PASSWORD_REASON_MESSAGE_KEYS)[keyof typeof CHANGE_PASSWORD_REASON_MESSAGE_KEYS]
  | 'login.invalid';

const otherNl: Record<OtherKey, string> = {
  'login.invalid': 'Deze combinatie van gebruikersnaam en wachtwoord klopt niet.',
  'login.throttled': 'Te veel mislukte pogingen. Probeer het over {retryAfterMin} minuten opnieuw.',
  'password.reused_initial_secret': 'Kies een nieuw wachtwoord, niet de code uit de uitnodiging.',
  'password.wrong_current': 'Uw huidige wachtwoord klopt niet.',
  'account.first_login_not_pending': 'U heeft uw wachtwoord al gekozen. Log in met uw eigen wachtwoord.',
};

const otherEn: Record<OtherKey, string> = {
  'login.invalid': 'This combination of username and password is not correct.',
  'login.throttled': 'Too many failed attempts. Please try again in {retryAfterMin} minutes.',
  'password.reused_initial_secret': 'Choose a new password, not the code from the invitation.',
  'password.wrong_current': 'Your current password is not correct.',
  'account.first_login_not_pending': 'You have already chosen your password. Please log in with your own password.',
};

function byKey<R extends string>(keys: Readonly<Record<R, string>>, texts: Record<R, string>): Catalogue {
  return Object.fromEntries((Object.keys(keys) as R[]).map((reason) => [keys[reason], texts[reason]]));
}

export const AUTH_MESSAGES: Readonly<{ nl: Catalogue; en: Catalogue }> = Object.freeze({
  nl: Object.freeze({
    ...byKey(PASSWORD_REASON_MESSAGE_KEYS, policyNl), ...byKey(USERNAME_REASON_MESSAGE_KEYS, usernameNl), ...otherNl,
  }),
  en: Object.freeze({
    ...byKey(PASSWORD_REASON_MESSAGE_KEYS, policyEn), ...byKey(USERNAME_REASON_MESSAGE_KEYS, usernameEn), ...otherEn,
  }),
});
