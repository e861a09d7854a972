// The congress the workspace journey sets up, and how the journey reads what a page shows.

export const SLUG = 'congres-villes-inclusives';
export const NEXT_SLUG = 'congres-villes-inclusives-2';
export const TITLE = 'Inclusive Cities Congress';

/** Days from today, as YYYY-MM-DD: the congress is two months ahead, so it can be restored. */
function day(offset) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}
export const DAY1 = day(60);
export const DAY2 = day(61);

export const ROOMS = [['Amphithéâtre', 400], ['Salle Garonne', 60], ['Salle Dordogne', 40], ['Salle annexe', 20]];
export const TRACKS = [['Ville numérique', 'Digital city'], ['Mobilités', 'Mobility'], ['Piste provisoire', 'Temporary track']];
export const SPEAKERS = [['Awa Diallo', 'Mairie de Bordeaux', 'City of Bordeaux'], ['Karim Benali', 'Métropole de Lyon', 'Lyon Metropolis'],
  ['Léa Martin', 'Université de Nantes', 'University of Nantes'], ['Jonas Weber', 'Stadt Freiburg', 'City of Freiburg'],
  ['Sofia Rossi', 'Comune di Torino', 'City of Turin'], ['Paul Invité', 'Sans affiliation', 'No affiliation']];
// [fr, en, kind, day, from, to, room, track, format, speaker, signup?]
export const SESSIONS = [
  ['Ouverture du congrès', 'Opening of the congress', 'Plenary', DAY1, '09:30', '10:30', 'Amphithéâtre', 'Digital city', 'Hybrid', 'Awa Diallo'],
  ['Atelier accessibilité numérique', 'Digital accessibility workshop', 'Workshop', DAY1, '11:00', '12:30', 'Salle Garonne', 'Digital city', 'In person', 'Karim Benali', true],
  ['Table ronde sur les mobilités', 'Round table on mobility', 'Round table', DAY1, '11:00', '12:30', 'Amphithéâtre', 'Mobility', 'Hybrid', 'Léa Martin'],
  ['Atelier données ouvertes', 'Open data workshop', 'Workshop', DAY1, '14:00', '15:30', 'Salle Dordogne', 'Digital city', 'In person', 'Jonas Weber', true],
  ['La ville pour tous', 'A city for everyone', 'Keynote', DAY1, '16:00', '17:00', 'Amphithéâtre', 'Mobility', 'Hybrid', 'Sofia Rossi'],
  ['Témoignages d’élus', 'Testimonies from elected officials', 'Testimony', DAY2, '09:30', '10:30', 'Salle annexe', 'Mobility', 'In person', 'Awa Diallo'],
  ['Budget participatif', 'Participatory budgeting', 'Panel', DAY2, '11:00', '12:00', 'Salle Garonne', 'Digital city', 'Hybrid', 'Karim Benali'],
  ['Clôture', 'Closing', 'Plenary', DAY2, '14:00', '15:00', 'Amphithéâtre', 'Mobility', 'Hybrid', 'Léa Martin'],
];
// [fr, en, price, places]
export const TICKETS = [['Entrée libre', 'Free entry', '0', ''], ['Pass professionnel', 'Professional pass', '45', '100'],
  ['Billet provisoire', 'Temporary ticket', '10', '5']];

/** The page's first heading, as read. */
export const h1 = async (page) => (await page.locator('h1').first().innerText()).trim();
export const mainText = async (page) => page.locator('main').innerText();

/** The rows of a workspace list section (`#rooms`, `#tracks`…) as the organiser reads them. */
export const rows = async (page, id) => page.locator(`section[aria-labelledby="${id}"] ul.rows`).innerText().catch(() => '');
