# Trouver des séances dans le programme d'un événement.
finder-title = Trouver des séances
finder-q = Rechercher
finder-q-hint = Des mots d'un titre, d'une description ou du nom d'un intervenant.
finder-day = Jour
finder-all-days = Tous les jours
finder-track = Thématique
finder-room = Salle
finder-kind = Type
finder-format = Participer
finder-all-tracks = Toutes les thématiques
finder-all-rooms = Toutes les salles
finder-all-kinds = Tous les types
finder-all-formats = Sur place ou en ligne
finder-in-person = Sur place
finder-online = En ligne
finder-submit = Afficher les séances
finder-clear = Effacer les filtres
finder-track-link = ses séances
finder-shown = { $count ->
    [0] Aucune séance ne correspond à ces filtres.
    [one] 1 séance correspond à ces filtres.
   *[other] { $count } séances correspondent à ces filtres.
}
finder-ignored = Non compris, donc non appliqué : { $filters }.
