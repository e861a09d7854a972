# L'espace des organisateurs : une page par partie d'un événement.
ws-nav = Parties de cet événement
ws-overview = Vue d'ensemble
ws-programme = Programme
ws-speakers = Intervenants
ws-rooms = Salles et thématiques
ws-tickets = Billets
ws-registrations = Inscriptions
ws-doors = Entrées
ws-messages = Messages
ws-dashboard = Tableau de bord
ws-settings = Réglages
ws-draft = Brouillon — non public.
ws-draft-hint = Seuls les organisateurs de l'événement voient ses pages tant qu'il n'est pas publié (Réglages, statut).
ws-preview = Prévisualiser les pages publiques
ws-figures = En chiffres
ws-fig-confirmed = { $count ->
    [one] inscription confirmée
   *[other] inscriptions confirmées
}
ws-fig-waitlisted = en liste d'attente
ws-fig-pending = { $count ->
    [one] en attente de paiement ou d'accord
   *[other] en attente de paiement ou d'accord
}
ws-fig-sessions = { $count ->
    [one] séance
   *[other] séances
}
ws-fig-sessions-n = { $count ->
    [0] aucune séance
    [one] 1 séance
   *[other] { $count } séances
}
ws-fig-cancelled-sessions = { $count ->
    [one] 1 annulée
   *[other] { $count } annulées
}
ws-fig-speakers = { $count ->
    [one] intervenant
   *[other] intervenants
}
ws-fig-rooms = { $count ->
    [one] salle
   *[other] salles
}
ws-fig-tracks = { $count ->
    [one] thématique
   *[other] thématiques
}
ws-fig-tickets = { $count ->
    [one] type de billet
   *[other] types de billet
}
ws-next-steps = Prochaines étapes
ws-new-speaker = Ajouter un intervenant
ws-new-ticket = Ajouter un type de billet
ws-no-sessions = Aucune séance pour l'instant : ajoutez la première ci-dessous.
ws-no-rooms = Aucune salle pour l'instant.
ws-no-tracks = Aucune thématique pour l'instant.
ws-no-speakers = Aucun intervenant pour l'instant.
ws-no-tickets = Aucun type de billet : on s'inscrit sans en choisir, dans la limite des places de l'événement.
ws-no-photo = sans photo
ws-remove = Supprimer
ws-remove-this = Supprimer…
ws-back = Retour
ws-keep = Non, garder
ws-room-capacity-hint = Places d'un atelier dans cette salle qui n'a pas de capacité propre.
ws-edit-room = Salle « { $name } »
ws-edit-track = Thématique « { $name } »
ws-edit-speaker = Intervenant : { $name }
ws-edit-ticket = Type de billet « { $name } »
ws-remove-room-title = Supprimer la salle « { $name } » ?
ws-remove-room = Supprimer la salle
ws-move-and-remove-room = Déplacer les séances et supprimer la salle
ws-room-unused = Aucune séance n'a lieu dans cette salle : le programme de personne ne change.
ws-room-sessions-move = { $count ->
    [one] Une séance a lieu dans cette salle. Choisissez la salle où elle passe ; l'agenda de ses participants affichera la nouvelle salle.
   *[other] { $count } séances ont lieu dans cette salle. Choisissez la salle où elles passent ; l'agenda de leurs participants affichera la nouvelle salle.
}
ws-room-sessions-no-other = { $count ->
    [one] Une séance a lieu dans cette salle et il n'y a pas d'autre salle où la déplacer : déplacez-la ou supprimez-la d'abord.
   *[other] { $count } séances ont lieu dans cette salle et il n'y a pas d'autre salle où les déplacer : déplacez-les ou supprimez-les d'abord.
}
ws-move-sessions-to = Déplacer les séances vers
ws-remove-track-title = Supprimer la thématique « { $name } » ?
ws-remove-track = Supprimer la thématique
ws-track-unused = Aucune séance n'appartient à cette thématique : rien d'autre ne change.
ws-track-sessions = { $count ->
    [one] Une séance appartient à cette thématique. Elle reste au programme : choisissez ce qu'elle devient.
   *[other] { $count } séances appartiennent à cette thématique. Elles restent au programme : choisissez ce qu'elles deviennent.
}
ws-track-sessions-go = Ses séances
ws-no-track = Restent au programme sans thématique
ws-remove-speaker-title = Retirer { $name } des intervenants ?
ws-remove-speaker = Retirer l'intervenant
ws-speaker-unused = Cet intervenant n'est sur aucune séance : seule sa fiche disparaît.
ws-speaker-on-sessions = { $count ->
    [one] Cet intervenant est sur une séance. Retirez-le d'abord de celle-ci (modifiez la séance), ou annulez-la.
   *[other] Cet intervenant est sur { $count } séances. Retirez-le d'abord de celles-ci (modifiez chaque séance), ou annulez-les.
}
ws-current-photo = Photo actuelle
ws-remove-photo = Retirer la photo
ws-ticket-types = Types de billet
ws-add-ticket = Ajouter le type de billet
ws-ticket-name-fr = Nom en français
ws-ticket-name-en = Nom en anglais
ws-ticket-name-en-hint = Laissez vide pour reprendre le nom français.
ws-ticket-price = Prix
ws-ticket-price-hint = Dans la devise ci-dessous, par exemple 25 ou 25,50 ; 0 pour un billet gratuit.
ws-ticket-currency = Devise
ws-ticket-free-only = Billets gratuits seulement : les billets payants demandent d'abord les réglages de paiement (le réglage STRIPE_SECRET_KEY).
ws-ticket-mode = Pour
ws-ticket-any-mode = Toute façon de participer
ws-ticket-quota = Places
ws-ticket-quota-hint = Laissez vide pour aucune limite autre que celle de l'événement.
ws-ticket-sales-start = Ouverture des ventes
ws-ticket-sales-end = Fin des ventes
ws-ticket-position = Ordre dans le formulaire
ws-ticket-position-hint = Les plus petits nombres d'abord.
ws-ticket-held-of = { $held } places prises sur { $quota }
ws-ticket-held-n = { $held ->
    [0] aucune place prise
    [one] 1 place prise
   *[other] { $held } places prises
}
ws-sales-open = en vente
ws-sales-from = en vente à partir du { $when }
ws-sales-until = en vente jusqu'au { $when }
ws-sales-ended = ventes arrêtées le { $when }
ws-stop-selling = Arrêter la vente
ws-sell-again = Remettre en vente
ws-remove-ticket-title = Supprimer le type de billet « { $name } » ?
ws-remove-ticket = Supprimer le type de billet
ws-ticket-unused = Personne ne s'est inscrit avec ce type de billet : il disparaît simplement.
ws-ticket-held = { $count ->
    [one] Une inscription a été faite avec ce type de billet : il reste dans son dossier et ses reçus. Arrêtez plutôt sa vente (page des billets).
   *[other] { $count } inscriptions ont été faites avec ce type de billet : il reste dans leurs dossiers et leurs reçus. Arrêtez plutôt sa vente (page des billets).
}
ticket-quota-below-held = { $count ->
    [one] Une place est déjà prise avec ce billet : le nombre de places ne peut pas descendre sous 1.
   *[other] { $count } places sont déjà prises avec ce billet : le nombre de places ne peut pas descendre sous { $count }.
}
ticket-mode-held = { $count ->
    [one] Une personne participe autrement avec ce billet : il ne peut pas être limité à cette façon de participer.
   *[other] { $count } personnes participent autrement avec ce billet : il ne peut pas être limité à cette façon de participer.
}
ticket-held = { $count ->
    [one] Une inscription a été faite avec ce type de billet : arrêtez sa vente plutôt que de le supprimer.
   *[other] { $count } inscriptions ont été faites avec ce type de billet : arrêtez sa vente plutôt que de le supprimer.
}
room-in-use = { $count ->
    [one] Une séance a lieu dans cette salle ({ $sessions_fr }) : déplacez-la d'abord dans une autre salle.
   *[other] { $count } séances ont lieu dans cette salle ({ $sessions_fr }) : déplacez-les d'abord dans une autre salle.
}
track-in-use = { $count ->
    [one] Une séance appartient à cette thématique ({ $sessions_fr }) : déplacez-la vers une autre thématique ou laissez-la sans.
   *[other] { $count } séances appartiennent à cette thématique ({ $sessions_fr }) : déplacez-les vers une autre thématique ou laissez-les sans.
}
speaker-in-use = { $count ->
    [one] Cet intervenant est sur une séance ({ $sessions_fr }) : retirez-le d'abord de celle-ci.
   *[other] Cet intervenant est sur { $count } séances ({ $sessions_fr }) : retirez-le d'abord de celles-ci.
}
room-move-clash = « { $moved_fr } » aurait alors lieu dans cette salle en même temps que « { $title_fr } » : choisissez une autre salle.
room-capacity-below-seated = { $count } personnes ont déjà une place à « { $title_fr } » dans cette salle : la capacité ne peut pas descendre sous { $count }.
field-move-elsewhere = Choisissez-en une autre.
field-price = Saisissez un prix, par exemple 25 ou 25,50.
ws-next-edition = Prochaine édition
event-capacity-below-held = { $count ->
    [one] Une personne a déjà une place de cette façon : le nombre de places ne peut pas descendre sous 1.
   *[other] { $count } personnes ont déjà une place de cette façon : le nombre de places ne peut pas descendre sous { $count }.
}
ws-done-added = Ajouté.
ws-done-saved = Enregistré.
ws-done-removed = Supprimé.
ws-no-events = Aucun événement pour l’instant : créez le premier ci-dessous.
