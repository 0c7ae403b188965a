import { registerDictionary } from '../web/i18n.js';

registerDictionary({
  nl: {
    'users.title': 'Gebruikers van {organisation}',
    'users.intro':
      'Mensen die namens uw organisatie in Schakel werken, met hun rollen. Elke rol geeft alleen toegang tot wat die rol nodig heeft.',
    'users.add': 'Gebruiker toevoegen',
    'users.col.name': 'Naam',
    'users.col.email': 'E-mailadres',
    'users.col.roles': 'Rollen',
    'users.col.status': 'Status',
    'users.col.secondFactor': 'Tweede factor',
    'users.status.active': 'actief',
    'users.status.awaiting-activation': 'wacht op activering',
    'users.status.locked': 'tijdelijk geblokkeerd',
    'users.status.disabled': 'uitgeschakeld',
    'users.new.title': 'Gebruiker toevoegen',
    'users.new.intro':
      'De nieuwe gebruiker krijgt een activeringscode. Geef die via een veilig kanaal door (persoonlijk of telefonisch, niet in dezelfde e-mail als het e-mailadres).',
    'users.field.email': 'E-mailadres (werk)',
    'users.field.name': 'Naam',
    'users.field.roles': 'Rollen',
    'users.created.title': 'Gebruiker toegevoegd',
    'users.created.code':
      'Activeringscode voor {name} (7 dagen geldig). Deze code wordt maar één keer getoond:',
    'users.created.how':
      'De gebruiker activeert het account op {url} met het e-mailadres en deze code, en stelt daarna een tweede factor in.',
    'users.created.existing':
      '{name} had al een account in Schakel en is aan uw organisatie toegevoegd met de gekozen rollen.',
    'users.detail.title': 'Gebruiker {name}',
    'users.detail.roles': 'Rollen wijzigen',
    'users.detail.rolesSaved': 'De rollen zijn gewijzigd.',
    'users.detail.reset': 'Nieuwe activeringscode',
    'users.detail.resetHelp':
      'Wist het wachtwoord en de tweede factor en beëindigt alle sessies. Gebruik dit als iemand zijn wachtwoord of telefoon kwijt is.',
    'users.detail.remove': 'Uit organisatie verwijderen',
    'users.detail.removeHelp':
      'Neemt alle rollen in uw organisatie af en beëindigt de sessies van deze gebruiker.',
    'users.removed': '{name} is uit uw organisatie verwijderd.',
    'users.error.email': 'Vul een geldig e-mailadres in.',
    'users.error.displayName': 'Vul een naam in (hoogstens 200 tekens).',
    'users.error.roles': 'Kies minstens één rol die bij dit soort organisatie past.',
    'users.error.conflict': 'Dit kan niet: {reason}',
    'users.error.exists':
      'Deze persoon is al gebruiker van uw organisatie. Wijzig de rollen op de pagina van die gebruiker.',
    'users.error.lastAdmin':
      'Uw organisatie houdt dan geen beheerder over. Geef eerst iemand anders de rol beheerder.',
    'users.error.shared':
      'Dit account hoort ook bij een andere organisatie. Vraag een landelijk beheerder het te herstellen.',
    'organisations.title': 'Organisaties in de keten',
    'organisations.intro':
      'De organisaties die in Schakel samenwerken, met hun soort en hun plaats (gemeente of regio; leeg voor landelijke organisaties).',
    'organisations.col.name': 'Naam',
    'organisations.col.type': 'Soort organisatie',
    'organisations.col.place': 'Plaats',
    'organisations.national': 'landelijk',
    'organisations.placeHelp':
      'Een gemeente voor een gemeentelijke organisatie, een regio voor een regionale, of landelijk.',
    'organisations.new.title': 'Organisatie registreren',
    'organisations.new.submit': 'Organisatie registreren',
    'organisations.firstAdmin': 'Eerste beheerder',
    'organisations.firstAdminHelp':
      'Niet verplicht. De beheerder krijgt een activeringscode en voegt daarna zelf de collega’s toe.',
    'organisations.created.title': 'Organisatie geregistreerd',
    'organisations.created.body': '{name} is geregistreerd.',
    'organisations.created.code':
      'Activeringscode voor de eerste beheerder (7 dagen geldig, wordt maar één keer getoond):',
    'organisations.error.name': 'Vul een naam in van 2 tot 200 tekens die nog niet in gebruik is.',
    'organisations.error.type': 'Kies een soort organisatie.',
    'organisations.error.place':
      'Kies een plaats die bij deze soort organisatie past (een gemeente heeft een gemeentecode nodig).',
    'organisations.error.adminName': 'Vul de naam van de beheerder in.',
    'organisations.error.adminEmail': 'Vul een geldig e-mailadres van de beheerder in.',
    'organisations.error.roles': 'Deze rol past niet bij dit soort organisatie.',
    'nav.organisations': 'Organisaties',
    'organisations.adminName': 'Naam van de beheerder',
    'organisations.adminEmail': 'E-mailadres van de beheerder (werk)',
  },
  en: {
    'users.title': 'Users of {organisation}',
    'users.intro':
      'People who work in Schakel for your organisation, with their roles. Each role gives access only to what that role needs.',
    'users.add': 'Add user',
    'users.col.name': 'Name',
    'users.col.email': 'E-mail address',
    'users.col.roles': 'Roles',
    'users.col.status': 'Status',
    'users.col.secondFactor': 'Second factor',
    'users.status.active': 'active',
    'users.status.awaiting-activation': 'awaiting activation',
    'users.status.locked': 'temporarily locked',
    'users.status.disabled': 'disabled',
    'users.new.title': 'Add user',
    'users.new.intro':
      'The new user receives an activation code. Pass it on through a safe channel (in person or by phone, not in the same e-mail as the address).',
    'users.field.email': 'E-mail address (work)',
    'users.field.name': 'Name',
    'users.field.roles': 'Roles',
    'users.created.title': 'User added',
    'users.created.code': 'Activation code for {name} (valid for 7 days). This code is shown only once:',
    'users.created.how':
      'The user activates the account at {url} with the e-mail address and this code, and then sets up a second factor.',
    'users.created.existing':
      '{name} already had an account in Schakel and has been added to your organisation with the chosen roles.',
    'users.detail.title': 'User {name}',
    'users.detail.roles': 'Change roles',
    'users.detail.rolesSaved': 'The roles have been changed.',
    'users.detail.reset': 'New activation code',
    'users.detail.resetHelp':
      'Clears the password and second factor and ends every session. Use it when someone lost their password or phone.',
    'users.detail.remove': 'Remove from organisation',
    'users.detail.removeHelp': 'Takes away every role in your organisation and ends this user’s sessions.',
    'users.removed': '{name} has been removed from your organisation.',
    'users.error.email': 'Enter a valid e-mail address.',
    'users.error.displayName': 'Enter a name (at most 200 characters).',
    'users.error.roles': 'Choose at least one role that fits this kind of organisation.',
    'users.error.conflict': 'Not possible: {reason}',
    'users.error.exists':
      'This person is already a user of your organisation. Change the roles on that user’s page.',
    'users.error.lastAdmin':
      'Your organisation would have no administrator left. Give someone else the administrator role first.',
    'users.error.shared':
      'This account also belongs to another organisation. Ask a national administrator to reset it.',
    'organisations.title': 'Organisations in the chain',
    'organisations.intro':
      'The organisations that work together in Schakel, with their kind and place (municipality or region; empty for national organisations).',
    'organisations.col.name': 'Name',
    'organisations.col.type': 'Kind of organisation',
    'organisations.col.place': 'Place',
    'organisations.national': 'national',
    'organisations.placeHelp':
      'A municipality for a municipal organisation, a region for a regional one, or national.',
    'organisations.new.title': 'Register organisation',
    'organisations.new.submit': 'Register organisation',
    'organisations.firstAdmin': 'First administrator',
    'organisations.firstAdminHelp':
      'Optional. The administrator receives an activation code and then adds the colleagues.',
    'organisations.created.title': 'Organisation registered',
    'organisations.created.body': '{name} has been registered.',
    'organisations.created.code':
      'Activation code for the first administrator (valid for 7 days, shown only once):',
    'organisations.error.name': 'Enter a name of 2 to 200 characters that is not in use yet.',
    'organisations.error.type': 'Choose a kind of organisation.',
    'organisations.error.place':
      'Choose a place that fits this kind of organisation (a municipality needs its municipality code).',
    'organisations.error.adminName': 'Enter the administrator’s name.',
    'organisations.error.adminEmail': 'Enter a valid e-mail address for the administrator.',
    'organisations.error.roles': 'This role does not fit this kind of organisation.',
    'nav.organisations': 'Organisations',
    'organisations.adminName': 'Administrator’s name',
    'organisations.adminEmail': 'Administrator’s e-mail address (work)',
  },
});
