import { registerDictionary } from '../web/i18n.js';

registerDictionary({
  nl: {
    'login.title': 'Inloggen',
    'login.intro':
      'Log in met uw e-mailadres en wachtwoord. Daarna vraagt Schakel de code uit uw authenticator-app.',
    'login.email': 'E-mailadres',
    'login.password': 'Wachtwoord',
    'login.submit': 'Inloggen',
    'login.failed':
      'Het e-mailadres of wachtwoord klopt niet, of het account is tijdelijk geblokkeerd na te veel pogingen.',
    'login.providers': 'Of log in via uw eigen organisatie',
    'login.provider': 'Inloggen via {name}',
    'login.activateLink': 'Heeft u een activeringscode gekregen? Activeer uw account.',
    'login.expired': 'Uw sessie is verlopen. Log opnieuw in.',
    'code.title': 'Code uit uw app',
    'code.intro': 'Vul de code van zes cijfers in die uw authenticator-app nu toont.',
    'code.label': 'Code',
    'code.submit': 'Bevestigen',
    'code.invalid': 'Deze code klopt niet of is verlopen. Vul de code in die de app nu toont.',
    'code.demoHint':
      'Demo-omgeving: de huidige code van een demogebruiker toont u met npx schakel demo totp {email}',
    'enrol.title': 'Tweede factor instellen',
    'enrol.intro':
      'Uw rol geeft toegang tot persoonsgegevens. Daarom logt u in met een wachtwoord én een code uit een authenticator-app.',
    'enrol.step1': 'Open een authenticator-app op uw telefoon en voeg een account toe met deze sleutel:',
    'enrol.uri': 'Of gebruik deze koppeling als uw app die ondersteunt:',
    'enrol.step2': 'Vul de code in die de app toont.',
    'enrol.submit': 'Tweede factor instellen',
    'enrol.invalid':
      'Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat en probeer de huidige code.',
    'choose.title': 'Kies uw organisatie',
    'choose.intro':
      'U werkt voor meer dan één organisatie. Kies namens welke organisatie u nu werkt; u ziet alleen haar gegevens.',
    'choose.legend': 'Organisatie',
    'choose.submit': 'Verder',
    'activate.title': 'Account activeren',
    'activate.intro':
      'Vul het e-mailadres en de activeringscode in die u van de beheerder van uw organisatie kreeg, en kies een wachtwoord.',
    'activate.code': 'Activeringscode',
    'activate.password': 'Nieuw wachtwoord',
    'activate.passwordHelp':
      'Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden.',
    'activate.passwordAgain': 'Nieuw wachtwoord nog een keer',
    'activate.mismatch': 'De twee wachtwoorden zijn niet gelijk.',
    'activate.submit': 'Account activeren',
    'activate.done': 'Uw account is geactiveerd. Log nu in met uw nieuwe wachtwoord.',
    'activate.invalid':
      'Dit e-mailadres en deze activeringscode horen niet bij elkaar, of de code is verlopen.',
    'password.too-short': 'Het wachtwoord moet minstens 12 tekens lang zijn.',
    'password.too-long': 'Het wachtwoord mag hoogstens 200 tekens lang zijn.',
    'password.contains-email': 'Het wachtwoord mag uw e-mailnaam niet bevatten.',
    'field.required': 'Vul dit veld in.',
    'account.title': 'Mijn account',
    'account.email': 'E-mailadres',
    'account.name': 'Naam',
    'account.organisation': 'Werkt nu namens',
    'account.roles': 'Rollen in deze organisatie',
    'account.logoutEverywhere': 'Overal uitloggen',
    'account.logoutEverywhereHelp':
      'Beëindigt al uw sessies, op elk apparaat. Gebruik dit als u een apparaat kwijt bent.',
    'logout.done': 'U bent uitgelogd.',
    'logout.everywhereDone': 'U bent op alle apparaten uitgelogd.',
    'oidc.failed.title': 'Inloggen via uw organisatie is mislukt',
    'oidc.failed.state':
      'Deze inlogpoging is verlopen, al gebruikt of in een andere browser begonnen. Begin opnieuw op de inlogpagina.',
    'oidc.failed.provider':
      'Inloggen via de identiteitsaanbieder van uw organisatie is mislukt of afgebroken. Probeer het opnieuw.',
    'oidc.failed.unreachable':
      'Inloggen via de identiteitsaanbieder van uw organisatie is mislukt: Schakel kon de aanmelding daar niet afronden. Probeer het later opnieuw of log in met uw e-mailadres en wachtwoord.',
    'oidc.noAccount.title': 'Geen toegang tot Schakel',
    'oidc.noAccount.body':
      'Er is geen Schakel-account voor deze identiteit. Vraag de beheerder van uw organisatie om u toegang te geven.',
    'oidc.blocked.body':
      'Dit account kan nu niet inloggen: het is uitgeschakeld of tijdelijk geblokkeerd. Vraag de beheerder van uw organisatie om hulp.',
    'oidc.backToLogin': 'Terug naar inloggen',
  },
  en: {
    'login.title': 'Log in',
    'login.intro':
      'Log in with your e-mail address and password. Schakel then asks for the code from your authenticator app.',
    'login.email': 'E-mail address',
    'login.password': 'Password',
    'login.submit': 'Log in',
    'login.failed':
      'The e-mail address or password is wrong, or the account is temporarily locked after too many attempts.',
    'login.providers': 'Or log in through your own organisation',
    'login.provider': 'Log in with {name}',
    'login.activateLink': 'Received an activation code? Activate your account.',
    'login.expired': 'Your session has ended. Please log in again.',
    'code.title': 'Code from your app',
    'code.intro': 'Enter the six-digit code your authenticator app shows now.',
    'code.label': 'Code',
    'code.submit': 'Confirm',
    'code.invalid': 'This code is wrong or has expired. Enter the code the app shows now.',
    'code.demoHint':
      'Demo environment: show the current code of a demo user with npx schakel demo totp {email}',
    'enrol.title': 'Set up a second factor',
    'enrol.intro':
      'Your role gives access to personal data, so you log in with a password and a code from an authenticator app.',
    'enrol.step1': 'Open an authenticator app on your phone and add an account with this key:',
    'enrol.uri': 'Or use this link if your app supports it:',
    'enrol.step2': 'Enter the code the app shows.',
    'enrol.submit': 'Set up second factor',
    'enrol.invalid': 'This code does not match. Check the time on your phone and try the current code.',
    'choose.title': 'Choose your organisation',
    'choose.intro':
      'You work for more than one organisation. Choose which one you act for now; you see only its records.',
    'choose.legend': 'Organisation',
    'choose.submit': 'Continue',
    'activate.title': 'Activate account',
    'activate.intro':
      'Enter the e-mail address and the activation code you received from the administrator of your organisation, and choose a password.',
    'activate.code': 'Activation code',
    'activate.password': 'New password',
    'activate.passwordHelp':
      'At least 12 characters. A sentence of a few words is strong and easy to remember.',
    'activate.passwordAgain': 'New password again',
    'activate.mismatch': 'The two passwords are not the same.',
    'activate.submit': 'Activate account',
    'activate.done': 'Your account is active. Log in with your new password.',
    'activate.invalid':
      'This e-mail address and activation code do not belong together, or the code has expired.',
    'password.too-short': 'The password must be at least 12 characters long.',
    'password.too-long': 'The password may be at most 200 characters long.',
    'password.contains-email': 'The password may not contain your e-mail name.',
    'field.required': 'Fill in this field.',
    'account.title': 'My account',
    'account.email': 'E-mail address',
    'account.name': 'Name',
    'account.organisation': 'Acting for',
    'account.roles': 'Roles in this organisation',
    'account.logoutEverywhere': 'Log out everywhere',
    'account.logoutEverywhereHelp':
      'Ends all your sessions, on every device. Use it when you have lost a device.',
    'logout.done': 'You have logged out.',
    'logout.everywhereDone': 'You have logged out on every device.',
    'oidc.failed.title': 'Logging in through your organisation failed',
    'oidc.failed.state':
      'This login attempt has expired, was already used or was started in another browser. Start again on the login page.',
    'oidc.failed.provider':
      "Logging in through your organisation's identity provider failed or was cancelled. Please try again.",
    'oidc.failed.unreachable':
      "Logging in through your organisation's identity provider failed: Schakel could not complete the login there. Try again later or log in with your e-mail address and password.",
    'oidc.noAccount.title': 'No access to Schakel',
    'oidc.noAccount.body':
      'There is no Schakel account for this identity. Ask the beheerder (administrator) of your organisation to give you access.',
    'oidc.blocked.body':
      'This account cannot log in now: it is disabled or temporarily locked. Ask the beheerder (administrator) of your organisation for help.',
    'oidc.backToLogin': 'Back to log in',
  },
});
