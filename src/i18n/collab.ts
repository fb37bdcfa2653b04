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
  'collab.error.too-large': {
    nl: 'Een wijziging is groter dan de server toestaat. Ze blijft op dit apparaat bewaard; maak de wijziging kleiner of exporteer het plan.',
    en: 'A change is larger than the server accepts. It is kept on this device; make the change smaller or export the plan.',
  },
  'collab.error.malformed': {
    nl: 'De server kon een bericht niet lezen; de verbinding wordt hersteld. Er gaat niets verloren.',
    en: 'The server could not read a message; reconnecting. Nothing is lost.',
  },
  'collab.error.too-many-rooms': {
    nl: 'Te veel plannen tegelijk geopend via één verbinding.',
    en: 'Too many plans opened over one connection.',
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
