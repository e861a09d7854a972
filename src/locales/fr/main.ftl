# Mise en page
language-name = Français
language-switch = Langue
skip-to-content = Aller au contenu
nav-label = Navigation principale
nav-home = Accueil
nav-admin = Organisation
footer-text = Summit, logiciel libre d’événements pour les sommets des villes.
footer-accessibility = Accessibilité
breadcrumb = Fil d’Ariane
back-home = Retour à l’accueil
yes = Oui
no = Non

# Pages publiques
home-title = Événements à venir
home-intro = Sommets, congrès et ateliers des villes et de leurs partenaires.
home-empty = Aucun événement à venir pour le moment.
event-cancelled = Cet événement est annulé.
event-organised-by = Organisé par { $organiser }.
illustrative-label = Données de démonstration :
speakers-link = Intervenants
speakers-title = Intervenants
calendar-download = Ajouter tout le programme à mon agenda (.ics)
calendar-session = Ajouter cette séance à mon agenda (.ics)
open-data-label = Données ouvertes :
open-data-license = licence { $license }
schedule-link-session = Page de la séance
schedule-room-unassigned = Salle à préciser
tracks-title = Thématiques
agenda-title = Programme
agenda-days = Jours de l’événement
agenda-count = { $count ->
    [one] Une séance.
   *[other] { $count } séances.
}
agenda-timezone = Les horaires sont à l’heure de l’événement ({ $zone }).
col-time = Horaire
col-session = Séance
col-room = Salle
col-track = Thématique
col-event = Événement
col-dates = Dates
col-actions = Actions
session-kind = Type
session-format = Format
session-capacity = Capacité
session-cancelled = Annulée
signup-required = Inscription requise
signup-explained = Places limitées : choisissez cette séance lors de votre inscription.
capacity-n = { $n ->
    [one] { $n } place
   *[other] { $n } places
}

kind-plenary = Plénière
kind-keynote = Conférence
kind-workshop = Atelier
kind-round_table = Table ronde
kind-panel = Débat
kind-testimony = Témoignage
kind-break = Pause
kind-other = Autre
role-speaker = Intervenant·e
role-moderator = Modération
role-host = Animation
role-panelist = Panéliste
format-in_person = Sur place
format-virtual = En ligne
format-hybrid = Hybride
status-draft = Brouillon
status-published = Publié
status-cancelled = Annulé

# Connexion
login-title = Connexion de l’équipe
login-email = Adresse e-mail
login-password = Mot de passe
login-submit = Se connecter
login-failed = Cette adresse e-mail et ce mot de passe ne correspondent à aucun compte.
logout = Se déconnecter
logout-everywhere = Se déconnecter sur tous les appareils
setup-title = Choisissez votre mot de passe
setup-intro = Choisissez un mot de passe pour { $email }.
setup-password = Nouveau mot de passe (au moins 12 caractères)
setup-confirm = Le même mot de passe, à nouveau
setup-submit = Enregistrer mon mot de passe

# Organisation
admin-title = Organisation
admin-events = Événements
admin-new-event = Nouvel événement
admin-create = Créer l’événement
admin-rooms = Salles
admin-details = Détails de l’événement
admin-save = Enregistrer
admin-edit = Modifier
admin-new-session = Nouvelle séance
admin-add-session = Ajouter la séance
admin-edit-session = Modifier la séance
admin-delete-session = Retirer cette séance
admin-add-room = Ajouter la salle
admin-add-track = Ajouter la thématique
admin-add-speaker = Ajouter l’intervenant·e
f-slug = Nom court dans les adresses
f-slug-hint = Lettres minuscules, chiffres et tirets, par exemple bordeaux-2027.
f-title-fr = Titre en français
f-title-en = Titre en anglais
f-description-fr = Description en français
f-description-en = Description en anglais
f-organiser = Organisateur
f-timezone = Fuseau horaire
f-starts-at = Début
f-ends-at = Fin
f-format = Format
f-status = Statut
f-venue = Lieu
f-in-person-capacity = Places sur place
f-online-capacity = Places en ligne
f-registration-opens = Ouverture des inscriptions
f-registration-closes = Clôture des inscriptions
f-refund-until = Remboursement jusqu’au
f-refund-until-hint = Les billets payants annulés avant ce moment (dans le fuseau de l’événement) sont remboursés en entier ; vide : jusqu’au début de l’événement.
f-legal-details = Mentions légales de l’organisateur
f-legal-details-hint = Imprimées sur les reçus : raison sociale, adresse, numéros SIRET et de TVA.
f-stream-url = Lien de diffusion (privé)
f-stream-url-hint = Seules les personnes inscrites le reçoivent, par leur lien personnel.
f-none = (aucun)
f-name = Nom
f-name-fr = Nom en français
f-name-en = Nom en anglais
f-colour = Couleur
f-affiliation-fr = Fonction et organisation en français
f-affiliation-en = Fonction et organisation en anglais
f-bio-fr = Biographie en français
f-bio-en = Biographie en anglais
f-photo = Photo
f-photo-hint = JPEG, PNG ou WebP, 2 Mo au plus.
f-speaker-n = Intervenant·e { $n }
f-role = Rôle

# Messages des champs
field-required = Ce champ est obligatoire.
field-too-long = { $max } caractères au plus.
field-count = Saisissez un nombre entier entre 0 et 1 000 000.
field-flag = Répondez oui ou non.
field-choice = Choisissez l’une des options proposées.
field-datetime = Saisissez une date et une heure comme 2027-06-15T09:00 (une heure qui existe dans ce fuseau).
field-url = Saisissez une adresse web commençant par https://.
field-slug = Utilisez de 2 à 80 lettres minuscules, chiffres et tirets.
field-slug-taken = Ce nom court est déjà utilisé.
field-name-taken = Ce nom est déjà utilisé pour cet événement.
field-email-taken = Cette adresse e-mail a déjà un compte.
field-timezone = Fuseau horaire inconnu : utilisez un nom comme Europe/Paris.
field-ends-before-start = La fin doit venir après le début.
field-close-after-event = Les inscriptions doivent fermer avant la fin de l’événement.
field-refund-after-event = Les remboursements doivent s’arrêter avant la fin de l’événement.
field-virtual-no-seats = Un événement en ligne n’a pas de places sur place.
field-in-person-no-online = Un événement sur place n’a pas de places en ligne.
field-stream-in-person = Une séance ou un événement sur place n’a pas de lien de diffusion.
field-outside-event = La séance doit avoir lieu pendant les dates de l’événement.
field-format-event = Ce format ne correspond pas à celui de l’événement.
field-unknown-ref = Cet élément n’appartient pas à l’événement.
field-speakers = Choisissez des intervenant·es de cet événement, chacun·e avec un rôle (intervention, modération, animation ou panel).
field-speaker-twice = La même personne figure deux fois.
field-colour = Saisissez une couleur comme #1f5f8b.
field-photo-size = La photo est trop lourde (2 Mo au plus).
field-photo-type = La photo doit être une image JPEG, PNG ou WebP.
field-currency = Saisissez un code de devise à trois lettres comme EUR.
field-attendance-event = Cet événement ne propose pas ce mode de participation.
field-paid-needs-stripe = Les billets payants demandent d’abord les réglages de paiement (clés Stripe).
field-password-short = Le mot de passe doit compter au moins { $min } caractères.
field-password-mismatch = Les deux mots de passe diffèrent.
conflict-room = La salle est déjà occupée à ce moment par « { $title_fr } » ({ $times }).
conflict-speaker = { $speaker } intervient déjà à ce moment dans « { $title_fr } » ({ $times }).

# Erreurs
error-not-found = Nous n’avons pas trouvé cette page.
error-unauthorized = Veuillez d’abord vous connecter.
error-forbidden = Votre compte ne permet pas cette action.
error-invalid = Des informations manquent ou sont incorrectes.
error-bad-request = La demande n’a pas pu être comprise.
error-too-large = Ce que vous avez envoyé est trop volumineux.
error-internal = Un problème est survenu de notre côté. Veuillez réessayer plus tard.
error-csrf = Ce formulaire a expiré. Rechargez la page et réessayez.
error-json-object = Envoyez un objet JSON.
error-json-syntax = Le JSON est mal formé.
error-json-utf8 = Le corps de la requête n’est pas du texte UTF-8 valide : envoyez du JSON encodé en UTF-8.
error-json-content-type = Envoyez du JSON avec l’en-tête Content-Type: application/json.
status-400 = Demande incorrecte
status-401 = Connexion nécessaire
status-403 = Action non autorisée
status-404 = Page introuvable
status-409 = Conflit
status-413 = Trop volumineux
status-422 = Vérifiez le formulaire
status-500 = Erreur du serveur

## Inscription
event-register-link = S’inscrire
register-title = Inscription
register-required-hint = Les champs marqués d’une * sont obligatoires.
register-name = Nom complet
register-email = Adresse e-mail
register-email-hint = Votre lien personnel pour gérer votre inscription sera envoyé à cette adresse.
register-organisation = Organisation (facultatif)
register-role = Fonction (facultatif)
register-attendance = Comment participerez-vous ?
register-ticket = Billet
register-language = Langue des e-mails
register-workshops = Ateliers (sur inscription)
register-workshops-hint = Choisissez les ateliers auxquels vous souhaitez participer ; deux ateliers à la même heure ne peuvent pas être choisis ensemble.
register-full-waitlist = Complet : vous serez sur liste d’attente
register-places-left = { $n ->
    [one] 1 place restante
   *[other] { $n } places restantes
}
register-accessibility = Besoins d’accessibilité (facultatif)
register-accessibility-hint = Par exemple accès sans marche, langue des signes, boucle magnétique. Seuls les organisateurs de l’événement le voient.
register-consent-label = J’accepte que { $organiser } conserve les informations de mon inscription pour organiser cet événement, comme décrit ci-dessous.
register-privacy-summary = Vos nom, adresse e-mail, organisation et choix servent uniquement à organiser cet événement : badges, e-mails à son sujet et comptage de la participation. Vous pouvez les consulter, les modifier ou les effacer à tout moment depuis votre lien personnel.
register-submit = M’inscrire
register-resend-link = Lien personnel perdu ? Le recevoir à nouveau
register-done-title = Consultez vos e-mails
register-check-email = Merci. Nous avons envoyé un e-mail avec votre lien personnel pour gérer votre inscription. Si l’adresse était déjà inscrite, le lien a été envoyé à nouveau.
register-done-spam = Pas d’e-mail après quelques minutes ? Regardez dans vos indésirables, ou demandez à nouveau le lien.
register-consent = Veuillez accepter la notice de confidentialité pour vous inscrire.
register-event-cancelled = Cet événement est annulé : les inscriptions sont fermées.
register-not-open = Les inscriptions ouvrent le { $when }.
register-closed = Les inscriptions à cet événement sont closes.
register-sessions-list = Choisissez des sessions dans la liste.
register-attendance-format = Cet événement ne propose pas ce mode de participation.
register-ticket-unknown = Choisissez l’un des billets de cet événement.
register-ticket-attendance = Ce billet ne correspond pas à ce mode de participation.
register-ticket-not-on-sale = Ce billet n’est pas en vente en ce moment.
register-session-unknown = L’une des sessions choisies ne fait pas partie de cet événement.
register-session-cancelled = « { $title } » a été annulée.
register-session-in-person = « { $title } » a lieu uniquement en présentiel.
register-sessions-overlap = « { $first } » et « { $second } » ont lieu toutes deux à { $time } : choisissez-en une.
register-already-cancelled = Cette inscription a déjà été annulée.
register-not-pending = Cette inscription n’attend pas de validation.
register-switch-full = Il n’y a plus de place pour ce mode de participation pour le moment.
field-email = Saisissez une adresse e-mail comme nom@exemple.fr.
price-free = Gratuit
attendance-in_person = En présentiel
attendance-online = En ligne
resend-title = Recevoir à nouveau mon lien personnel
resend-intro = Saisissez l’adresse e-mail utilisée pour vous inscrire. Si elle est inscrite à cet événement, nous vous renverrons le lien.
resend-submit = Envoyer le lien
reg-status-confirmed = Confirmée
reg-status-waitlisted = Sur liste d’attente
reg-status-pending_payment = En attente de paiement
reg-status-pending_approval = En attente de validation par les organisateurs
reg-status-cancelled = Annulée
reg-status-rejected = Non retenue
signup-confirmed = Place confirmée
signup-waitlisted = Sur liste d’attente
signup-requested = Demandée (dès que votre inscription sera confirmée)
attendee-title = Mon inscription
attendee-status-heading = Statut
attendee-status = Inscription
attendee-position = position { $n } sur la liste d’attente
attendee-event = Événement
attendee-sessions-heading = Mes sessions
attendee-no-sessions = Vous n’avez choisi aucune session.
attendee-change-sessions = Modifier mes ateliers
attendee-save-sessions = Enregistrer mes ateliers
attendee-mode-heading = Mode de participation
attendee-switch-to = Passer à : { $mode }
attendee-cancel-heading = Annuler mon inscription
attendee-confirm-label = Oui, j’annule mon inscription (ma place revient à la personne suivante en attente).
attendee-cancel-submit = Annuler mon inscription
attendee-confirm-cancel = Cochez la case pour confirmer l’annulation.
attendee-saved-sessions = Vos ateliers ont été enregistrés.
attendee-saved-attendance = Votre mode de participation a été modifié.
attendee-cancelled = Votre inscription a été annulée.
attendee-link-private = Cette page s’ouvre avec votre lien personnel : ne le partagez pas.
roster-title = Inscriptions
roster-counts = Chiffres
roster-by-status = Inscriptions par statut et mode de participation
roster-by-ticket = Par billet
roster-by-workshop = Ateliers
roster-total = Total
roster-quota = Quota
roster-people = Personnes
roster-search = Recherche (nom, e-mail, organisation)
roster-any = Tous
roster-filter = Filtrer
roster-shown = { $n ->
    [one] 1 inscription affichée
   *[other] { $n } inscriptions affichées
}
roster-export = Télécharger en CSV
roster-approve = Valider
roster-reject = Refuser
roster-cancel = Annuler
roster-add = Ajouter une personne à la main
roster-add-submit = Ajouter
roster-added = L’inscription a été ajoutée.
roster-cancelled = L’inscription a été annulée.
roster-approved = L’inscription a été validée.
roster-rejected = L’inscription a été refusée.
roster-import = Importer des invités
roster-import-help = Un fichier CSV avec une ligne d’en-tête : nom et courriel sont obligatoires ; organisation, fonction, participation (in_person ou online), langue (fr ou en), billet, sessions (identifiants séparés par des virgules) et type de badge (participant, intervenant, presse ou équipe, ou en anglais attendee, speaker, press, staff ; appliqué aussi aux personnes déjà inscrites) sont facultatifs. Les en-têtes en anglais (badge…) et le point-virgule fonctionnent aussi.
roster-table = Les inscriptions (le tableau défile horizontalement sur un écran étroit)
roster-import-file = Fichier CSV
roster-import-submit = Importer
import-title = Import de la liste d’invités
import-progress = { $done ->
    [one] { $done } ligne traitée sur { $total }
   *[other] { $done } lignes traitées sur { $total }
}
import-running = L’import est en cours.
import-refresh = Actualiser pour voir l’avancement
import-finished = Terminé : { $imported ->
    [one] { $imported } importée
   *[other] { $imported } importées
}, { $already ->
    [one] { $already } déjà inscrite
   *[other] { $already } déjà inscrites
}, { $rejected ->
    [one] { $rejected } refusée
   *[other] { $rejected } refusées
}.
import-rejected = Lignes refusées
import-line = Ligne
import-reasons = Motifs
import-back = Retour aux inscriptions
import-no-file = Choisissez un fichier CSV à importer.
import-not-utf8 = Le fichier doit être un texte UTF-8 (enregistrez-le en « CSV UTF-8 »).
import-unreadable = Le fichier n’a pas pu être lu comme un CSV.
import-missing-columns = La première ligne doit nommer les colonnes, dont au moins nom et courriel.
import-too-many = Au plus { $max } lignes par import.

## E-mails et calendriers personnels
calendar-personal-link = Votre inscription
calendar-join-link = Rejoindre en ligne (votre lien personnel)
calendar-personal-download = Ajouter mes sessions à mon agenda (.ics)
mail-greeting = Bonjour { $name },
mail-link-label = Ouvrir ma page d’inscription
mail-footer = Ce lien est personnel : il permet de consulter, modifier ou annuler votre inscription sans mot de passe. Ne transférez pas cet e-mail.
mail-confirmed-subject = Inscription confirmée : { $event }
mail-confirmed-intro = Votre inscription à { $event } ({ $when }) est confirmée. Votre invitation d’agenda est jointe.
mail-waitlisted-subject = Sur liste d’attente : { $event }
mail-waitlisted-intro = { $event } ({ $when }) est complet pour l’instant : vous êtes sur liste d’attente. Nous vous écrirons dès qu’une place se libère.
mail-pending-subject = Inscription reçue : { $event }
mail-pending-intro = Les organisateurs de { $event } ({ $when }) valident chaque inscription. Nous vous écrirons dès qu’ils auront décidé.
mail-payment-subject = Finalisez votre paiement : { $event }
mail-payment-intro = Votre place pour { $event } ({ $when }) est réservée le temps de finaliser le paiement.
mail-promoted-subject = Une place pour vous : { $event }
mail-promoted-intro = Bonne nouvelle : une place s’est libérée pour { $event } ({ $when }) et elle est à vous. Votre invitation d’agenda est jointe.
mail-link-subject = Votre lien personnel : { $event }
mail-link-intro = Voici votre lien personnel pour { $event } ({ $when }), comme demandé.
mail-cancelled-subject = Inscription annulée : { $event }
mail-cancelled-intro = Votre inscription à { $event } ({ $when }) a été annulée. La mise à jour jointe la retire de votre agenda.
mail-rejected-subject = Inscription non retenue : { $event }
mail-rejected-intro = Nous sommes désolés : les organisateurs de { $event } ({ $when }) n’ont pas pu retenir votre inscription.
join-title = Rejoindre en ligne
join-not-yet = { $minutes ->
    [0] La salle en ligne ouvre au début, le { $when }.
    [one] La salle en ligne ouvre { $minutes } minute avant le début, le { $when }.
   *[other] La salle en ligne ouvre { $minutes } minutes avant le début, le { $when }.
}
join-ended = Cette session est terminée.
join-not-allowed = Votre inscription est en présentiel : ce lien en ligne ne vous est pas ouvert.
join-pay-first = Votre place est réservée en attendant votre paiement : payez depuis votre page d’inscription, ce lien s’ouvrira une fois le paiement confirmé.
join-no-stream = Il n’y a pas de diffusion en ligne pour ceci.
register-event-full = Toutes les places sont prises pour l’instant ({ $modes }) : vous pouvez vous inscrire et serez sur liste d’attente, dans l’ordre des inscriptions.
mail-session-changed-subject = Changement dans votre programme : { $event }
mail-session-changed-intro = « { $session } » a été déplacée : elle a désormais lieu le { $session_when }. Votre invitation d’agenda est mise à jour.
mail-session-cancelled-subject = Session annulée : { $event }
mail-session-cancelled-intro = « { $session } » ({ $session_when }) a été annulée. La mise à jour jointe la retire de votre agenda.
mail-reminder-subject = Rappel : { $event } commence bientôt
mail-reminder-intro = Petit rappel : { $event } commence le { $when }. Votre page d’inscription contient tout le nécessaire.
mail-reminder-session-subject = Bientôt : { $session }
mail-reminder-session-intro = « { $session } » commence dans quelques minutes. Rejoignez-la avec votre lien personnel ci-dessous.
roster-announce = Envoyer un message aux participants
roster-announce-help = Le message part par e-mail aux personnes correspondant aux filtres ci-dessous qui n’ont pas annulé.
status-429 = Trop de requêtes
error-too-many-requests = Trop de requêtes à la fois : attendez une seconde et réessayez.
attendee-badge = Votre badge (à imprimer ou à montrer à l'entrée)
attendee-badge-png = Télécharger le QR code (PNG)
badge-title = Badge
badge-batch-title = Badges à imprimer
badge-back = Retour
badge-print-help = Imprimez sur papier A6 (ou A4 en « ajuster à la page ») : un badge par page.
badge-none = Aucune inscription confirmée ne correspond.
badge-qr-alt = QR code du badge de { $name }, lu à l'entrée
badge-not-confirmed = Le badge est disponible une fois l'inscription confirmée.
badge-role-attendee = Participant·e
badge-role-speaker = Intervenant·e
badge-role-press = Presse
badge-role-staff = Équipe
badge-role-organiser = Organisation
badge-role-volunteer = Bénévole
badge-reissue = Refaire le badge
badge-reissued = Un nouveau badge a été émis ; l'ancien n'ouvre plus les portes.
badge-role-column = Badge
badge-role-of = Rôle sur le badge de { $name }
badge-role-submit = Changer le rôle
badge-role-changed = Le rôle du badge a été modifié : le badge imprimé l'affiche désormais, et le QR code reste valable.
badge-role-invalid = Choisissez un rôle de badge : participant·e, intervenant·e, presse ou équipe.
badge-role-organisers-only = Seuls les organisateurs de l'événement peuvent choisir le rôle du badge.
import-badge-role-unknown = Rôle de badge inconnu « { $value } » : écrivez participant, intervenant, presse ou équipe (en anglais : attendee, speaker, press ou staff).
verdict-admitted = Entrée autorisée
verdict-admitted-help = Vous pouvez laisser entrer la personne.
verdict-already = Déjà enregistré·e
verdict-already-help = Ce badge a déjà servi à cette porte. Vérifiez l'identité de la personne.
verdict-revoked = Badge plus valable
verdict-revoked-help = L'inscription a été annulée ou le badge remplacé. Orientez la personne vers l'accueil.
verdict-no-seat = Pas inscrit·e à cette session
verdict-no-seat-help = Cette personne n'a pas de place dans cette session. Elle peut se renseigner à l'accueil.
verdict-wrong-event = Badge d'un autre événement
verdict-wrong-event-help = Ce badge est celui d'un autre événement.
verdict-invalid = Code illisible ou falsifié
verdict-invalid-help = Ce n'est pas un badge valable. Réessayez, ou cherchez la personne par son nom ci-dessous.
scan-title = Contrôle des entrées
scan-at-gate = porte : { $gate }
scan-gate = Porte
scan-gate-hint = Par exemple « Entrée nord » ; elle apparaît dans les comptes.
scan-entrance = Entrée de l'événement
scan-door = Ce que contrôle cette porte
scan-event = Événement
scan-post-heading = Le poste de ce scanner
scan-post-submit = Régler ce poste
scan-code = Code du badge
scan-code-hint = Scannez le badge : le lecteur tape le code puis Entrée.
scan-submit = Enregistrer l'entrée
scan-first = Première entrée à { $at }, porte : { $gate }.
scan-lost-heading = Badge perdu : chercher par nom
scan-search = Nom ou organisation
scan-search-submit = Chercher
scan-check-in = Enregistrer l'entrée
scan-no-match = Aucune inscription confirmée ne correspond.
scan-no-event = Aucun événement pour lequel contrôler les entrées.
scan-camera-start = Scanner avec la caméra
scan-camera-stop = Arrêter la caméra
scan-camera-hint = Présentez le code QR du badge devant la caméra ; chaque code est vérifié dès qu'il est lu.
scan-camera-failed = La caméra n'a pas pu démarrer. Saisissez ou scannez le code.
scan-online = En ligne : le serveur décide. Contrôles en attente d'envoi : { $n }.
scan-offline = Hors ligne : ce poste décide avec sa liste de badges. Contrôles en attente d'envoi : { $n }.
# $count choisit le pluriel (le script de la page remplace $n, il ne peut donc pas servir de sélecteur).
scan-kit = { $count ->
    [one] Liste de badges pour le contrôle hors ligne : { $n } badge, synchronisée à { $at }.
   *[other] Liste de badges pour le contrôle hors ligne : { $n } badges, synchronisée à { $at }.
}
scan-no-kit = Pas encore de liste de badges : ce poste doit être en ligne une fois avant de pouvoir contrôler hors ligne.
scan-decided-offline = Décidé hors ligne par ce poste ; le serveur le confirmera au retour du réseau.
scan-uploaded = { $count ->
    [one] { $n } contrôle hors ligne envoyé ; entrées en double (signalées aux organisateurs) : { $conflicts }.
   *[other] { $n } contrôles hors ligne envoyés ; entrées en double (signalées aux organisateurs) : { $conflicts }.
}
scan-refused = Le serveur a refusé les contrôles hors ligne : reconnectez-vous ; ils restent sur ce poste.
error-upload-too-many = 500 contrôles au plus par envoi.
error-code-or-registration = Envoyez un code de badge ou une inscription, pas les deux.
conflicts-title = Badges entrés deux fois pendant une coupure
conflicts-intro = Les postes qui perdent le réseau décident seuls. Quand deux d'entre eux laissent entrer le même badge à la même porte, il apparaît ici : vérifiez auprès des équipes d'accueil.
conflicts-first = Première entrée
conflicts-again = Nouvelle entrée
conflicts-at = { $at }, porte : { $gate }
conflicts-erased = (inscription effacée)
conflicts-none = Aucun badge n'est entré deux fois.
checkins-title = Entrées
checkins-total = { $n ->
    [one] { $n } personne entrée
   *[other] { $n } personnes entrées
}
checkins-refresh = Actualiser
checkins-by-mode = Entrée, par mode de participation
checkins-registered = Inscrit·es (confirmé·es)
checkins-checked-in = Entré·es
checkins-by-gate = Entrée, par porte
checkins-no-gate = (porte non indiquée)
checkins-none = Personne n'est encore entré.
checkins-by-workshop = Ateliers

## Confidentialité
f-privacy-notice-fr = Notice de confidentialité (français)
f-privacy-notice-en = Notice de confidentialité (anglais)
f-privacy-notice-hint = Ce qui est collecté, pourquoi, combien de temps et qui contacter. Vide, la notice standard de Summit s’affiche.
register-privacy-link = Lire la notice de confidentialité
privacy-title = Notice de confidentialité
privacy-the-organisers = les organisateurs de l’événement
privacy-what = Ce que nous collectons : vos nom, adresse e-mail, organisation et fonction si vous les indiquez, votre mode de participation, votre langue, vos choix de billet et d’ateliers, vos besoins d’accessibilité si vous les indiquez, et vos heures d’arrivée ou de connexion en ligne.
privacy-why = Pourquoi : pour organiser cet événement — votre place et votre rang sur liste d’attente, votre badge, vos invitations d’agenda et les e-mails sur l’événement. Rien n’est vendu ni partagé à d’autres fins.
privacy-how-long = { $days ->
    [one] Combien de temps : vos données personnelles sont effacées { $days } jour après la fin de l’événement. Les chiffres de participation sont conservés de façon anonyme.
   *[other] Combien de temps : vos données personnelles sont effacées { $days } jours après la fin de l’événement. Les chiffres de participation sont conservés de façon anonyme.
}
privacy-who = Responsable : { $organiser }. Les besoins d’accessibilité ne sont vus que par les organisateurs de l’événement.
privacy-rights = Vos droits : depuis votre lien personnel, vous pouvez consulter et télécharger tout ce qui vous concerne, le modifier, annuler, ou effacer votre inscription à tout moment.
attendee-data-heading = Mes données
attendee-data-download = Télécharger tout ce qui me concerne (JSON)
attendee-erase-label = Oui, effacer mon inscription et mes données (c’est définitif ; ma place revient à la personne suivante en attente).
attendee-erase-submit = Effacer mes données
erase-confirm = Cochez la case pour confirmer l’effacement.
erased-title = Vos données ont été effacées
erased-text = Votre inscription et les données personnelles associées ont été effacées. Votre lien personnel ne mène plus nulle part.

## Tableau de bord
dashboard-title = Tableau de bord
dashboard-csv = Télécharger les chiffres (CSV)
dashboard-per-day = Inscriptions par jour
dashboard-modes = Confirmées, par mode de participation
dashboard-tickets = Confirmées, par billet
dashboard-fill = Remplissage des ateliers (% des places prises)
dashboard-checkins = Entrées par heure et par porte
dashboard-online = Personnes connectées en ligne
dashboard-event-stream = La diffusion de l’événement
dashboard-no-data = Rien pour l’instant.
f-license = Licence de l’agenda publié
f-license-hint = Par exemple CC-BY-4.0 ou CC0-1.0 : elle accompagne schedule.xml, schedule.json et le CSV.
# Déclaration d’accessibilité

## Paiements (Stripe)
mail-payment-expired-subject = Place libérée : { $event }
mail-payment-expired-intro = Le paiement pour { $event } ({ $when }) n’a pas été finalisé à temps : votre place a été libérée. Si un paiement a tout de même abouti, il est intégralement remboursé. Vous pouvez vous inscrire à nouveau.
mail-refunded-subject = Inscription annulée et remboursée : { $event }
mail-refunded-intro = Votre inscription à { $event } ({ $when }) a été annulée et votre paiement intégralement remboursé ; il apparaîtra sur votre relevé sous 5 à 10 jours. La mise à jour jointe retire l’événement de votre agenda.
stripe-bad-signature = La signature Stripe est absente, invalide ou trop ancienne.
stripe-not-configured = Les paiements ne sont pas configurés sur ce serveur.
pay-now = Payer maintenant
pay-open = Ouvrir la page de paiement
pay-pending = Votre place est réservée jusqu’à { $until } le temps de payer. Elle est confirmée dès que le paiement aboutit.
pay-failed = La page de paiement n’a pas pu s’ouvrir. Veuillez réessayer.
pay-retry = Réessayer
pay-refund-before = Une annulation avant le { $until } est intégralement remboursée ({ $amount }).
pay-refund-none = Une annulation maintenant n’est pas remboursée (remboursements possibles jusqu’au { $until }).
pay-refund-failed = Le remboursement n’a pas pu être fait pour l’instant : rien n’a été annulé. Veuillez réessayer dans un moment.
pay-thanks = Merci. Votre inscription est confirmée dès que Stripe confirme le paiement, en général en moins d’une minute ; vous recevrez un courriel.
pay-status-paid = Payé
pay-status-open = En attente de paiement
pay-status-refunded = Remboursé
pay-status-refund_failed = Remboursement échoué
roster-payment = Paiement
roster-paid-count = Payés
roster-collected = Encaissé
roster-refunded = Remboursé
receipt-link = Reçu
receipt-title = Reçu
receipt-seller = Vendeur
receipt-number = Numéro de reçu
receipt-paid-at = Payé le
receipt-event = Événement
receipt-attendee = Participant·e
receipt-amount = Montant payé
receipt-reference = Référence du paiement Stripe
receipt-refunded = Remboursé en entier le { $when }.
receipt-refund-failed = Un remboursement a été demandé mais n’a pas pu être fait ; l’organisateur remboursera à la main.
receipt-print-hint = Utilisez la commande d’impression de votre navigateur pour imprimer ce reçu ou l’enregistrer en PDF.
attendee-receipt = Votre reçu
agenda-visitor-zone = Afficher aussi les horaires dans mon fuseau
agenda-visitor-zone-hint = Un nom de fuseau comme America/New_York ou Asia/Tokyo ; laissez vide pour n’afficher que les horaires de l’événement.
agenda-visitor-zone-submit = Afficher
f-requires-approval = Les organisateurs valident chaque inscription
f-online-for-in-person = Les participants en présentiel peuvent aussi suivre en ligne
