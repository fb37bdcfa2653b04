import type { Locale, Msg } from './locale.ts';
import { fill, fillMsg, type MsgVars } from './index.ts';

/*
 * Strings of live collaboration (workshops): connection status, presence, and why the server
 * refused or closed a connection. Every CollabError carries one of these as its message.
 */
export const collabUi = {
  // status
  'collab.status.connecting': { nl: 'Verbinden met de werksessie…', en: 'Connecting to the workshop…' },
  'collab.status.connected': { nl: 'Verbonden met de werksessie', en: 'Connected to the workshop' },
  'collab.status.offline': {
    nl: 'Geen verbinding met de werksessie. U kunt verder werken; uw wijzigingen worden gedeeld zodra de verbinding terug is.',
    en: 'Not connected to the workshop. You can keep working; your changes are shared as soon as the connection is back.',
  },
  'collab.status.refused': { nl: 'Toegang tot de werksessie geweigerd', en: 'Access to the workshop refused' },
  'collab.readOnly': {
    nl: 'U kijkt mee: uw wijzigingen worden niet gedeeld.',
    en: 'You are observing: your changes are not shared.',
  },
  'collab.unsynced': { nl: 'Nog niet alle wijzigingen zijn gedeeld', en: 'Not all changes have been shared yet' },
  // the shared scenario list
  'collab.offer.label': {
    nl: 'Scenario’s van vóór de werksessie, alleen in deze browser',
    en: 'Scenarios from before the workshop, in this browser only',
  },
  'collab.offer.share': { nl: 'Deel met de workshop', en: 'Share with the workshop' },
  'collab.offer.shareNamed': { nl: 'Deel “{name}” met de workshop', en: 'Share “{name}” with the workshop' },
  // presence
  'collab.peers': { nl: '{count} deelnemers', en: '{count} participants' },
  'collab.anonymous': { nl: 'Anonieme deelnemer', en: 'Anonymous participant' },
  'collab.editingCell': { nl: '{name} werkt in deze cel', en: '{name} is working in this cell' },
  // refusals (the server's reason codes)
  'collab.error.token-missing': {
    nl: 'Er is geen toegangscode voor de werksessie opgegeven. Vraag de begeleider om de code.',
    en: 'No workshop access code was given. Ask the facilitator for the code.',
  },
  'collab.error.token-invalid': {
    nl: 'De toegangscode voor de werksessie klopt niet. Controleer de code of vraag de begeleider om een nieuwe.',
    en: 'The workshop access code is not valid. Check the code or ask the facilitator for a new one.',
  },
  'collab.error.room-not-allowed': {
    nl: 'Deze toegangscode geeft geen toegang tot dit plan.',
    en: 'This access code does not give access to this plan.',
  },
  'collab.error.room-invalid': {
    nl: 'Dit plan heeft geen geldige naam voor een werksessie (alleen letters, cijfers, - en _).',
    en: 'This plan has no valid workshop name (letters, digits, - and _ only).',
  },
  'collab.error.invalid-url': {
    nl: 'Het adres van de werksessieserver is ongeldig (verwacht ws:// of wss://).',
    en: 'The workshop server address is not valid (expected ws:// or wss://).',
  },
  'collab.error.refused': {
    nl: 'De werksessieserver weigert de verbinding ({detail}).',
    en: 'The workshop server refused the connection ({detail}).',
  },
  // closed by the server's limits; the client reconnects by itself
  'collab.error.rate-limited': {
    nl: 'Te veel wijzigingen tegelijk; de verbinding wordt zo hersteld. Er gaat niets verloren.',
    en: 'Too many changes at once; the connection will be restored shortly. Nothing is lost.',
  },
  'collab.error.out-of-order': {
    nl: 'De werksessie kon uw laatste wijziging nog niet opnemen; de verbinding wordt hersteld en de wijziging opnieuw verstuurd. Er gaat niets verloren: uw wijzigingen blijven op dit apparaat bewaard. Blijft dit terugkomen, exporteer het plan dan en meld het de begeleider.',
    en: 'The workshop could not take your last change yet; the connection is restored and the change sent again. Nothing is lost: your changes are kept on this device. If this keeps happening, export the plan and tell the facilitator.',
  },
  'collab.error.too-large': {
    nl: 'Een wijziging is groter dan de server toestaat. Ze blijft op dit apparaat bewaard; maak de wijziging kleiner of exporteer het plan.',
    en: 'A change is larger than the server accepts. It is kept on this device; make the change smaller or export the plan.',
  },
  'collab.error.malformed': {
    nl: 'De server kon een bericht niet lezen; de verbinding wordt hersteld. Er gaat niets verloren.',
    en: 'The server could not read a message; reconnecting. Nothing is lost.',
  },
  'collab.error.too-many-rooms': {
    nl: 'Met deze toegangscode zijn te veel plannen tegelijk geopend in de werksessie. Sluit plannen die u niet gebruikt; er wordt automatisch opnieuw verbonden. Uw wijzigingen blijven op dit apparaat bewaard.',
    en: 'Too many plans are open in the workshop at once with this access code. Close plans you are not using; the connection is retried automatically. Your changes are kept on this device.',
  },
  // passing: the server is busy or the sign-in did not complete; the client retries with a growing pause
  'collab.error.server-full': {
    nl: 'De werksessieserver is vol. Er wordt automatisch opnieuw verbonden; u kunt verder werken, uw wijzigingen blijven op dit apparaat bewaard.',
    en: 'The workshop server is full. The connection is retried automatically; you can keep working, your changes are kept on this device.',
  },
  'collab.error.too-many-sockets': {
    nl: 'Vanaf uw adres zijn te veel verbindingen met de werksessie open (veel tabbladen, of veel deelnemers achter één netwerk). Er wordt automatisch opnieuw verbonden; sluit tabbladen met dit plan die u niet gebruikt. Uw wijzigingen blijven op dit apparaat bewaard.',
    en: 'Too many connections to the workshop are open from your address (many tabs, or many participants behind one network). The connection is retried automatically; close tabs with this plan you are not using. Your changes are kept on this device.',
  },
  'collab.error.auth-timeout': {
    nl: 'Aanmelden bij de werksessie duurde te lang. Er wordt automatisch opnieuw verbonden; controleer uw netwerk als dit blijft gebeuren.',
    en: 'Signing in to the workshop took too long. The connection is retried automatically; check your network if this keeps happening.',
  },
  'collab.error.unauthenticated': {
    nl: 'De werksessieserver sloot de verbinding voordat het aanmelden klaar was (te veel gegevens tijdens het aanmelden). Er wordt automatisch opnieuw verbonden; er gaat niets verloren.',
    en: 'The workshop server closed the connection before signing in was complete (too much data while signing in). The connection is retried automatically; nothing is lost.',
  },
  // an edit refused by the server: the client takes over the workshop's version of the plan
  'collab.error.invalid-update': {
    nl: 'De werksessie heeft uw laatste wijziging geweigerd: die zou het plan ongeldig maken. Het plan is teruggezet naar de versie van de werksessie; wijzigingen die nog niet gedeeld waren zijn ongedaan gemaakt.',
    en: "The workshop refused your last change: it would make the plan invalid. The plan has been reset to the workshop's version; changes that had not been shared yet were undone.",
  },
  'collab.error.room-too-large': {
    nl: 'De werksessie heeft uw laatste wijziging geweigerd: het plan heeft de maximale omvang bereikt. Het plan is teruggezet naar de versie van de werksessie. De geschiedenis is al zoveel mogelijk ingekort; overleg met de begeleider, bijvoorbeeld om in een nieuw scenario verder te werken.',
    en: "The workshop refused your last change: the plan has reached its maximum size. The plan has been reset to the workshop's version. Its history has already been shortened as far as it goes; talk to the facilitator, for example about continuing in a new scenario.",
  },
  'collab.error.resync-failed': {
    nl: 'De werksessie blijft wijzigingen van dit apparaat weigeren, dus de verbinding is gestopt. Laad de pagina opnieuw om weer deel te nemen aan de werksessie.',
    en: 'The workshop keeps refusing changes from this device, so the connection was stopped. Reload the page to rejoin the workshop.',
  },
} satisfies Record<string, Msg>;

export type CollabUiKey = keyof typeof collabUi;

/** A collaboration string in the given locale. */
export function ct(locale: Locale, key: CollabUiKey, vars?: MsgVars): string {
  return fill(collabUi[key][locale], vars);
}

/** The bilingual message itself, with placeholders filled in both languages. */
export function ctMsg(key: CollabUiKey, vars?: MsgVars): Msg {
  return fillMsg(collabUi[key], vars);
}
