# Les vues du programme public : liste ou grille, « en ce moment », places des ateliers.
agenda-views = Affichage du programme
agenda-view-list = Liste
agenda-view-grid = Grille par salle
agenda-grid-label = { $day } : séances par salle et par heure (défile horizontalement)
agenda-grid-no-room = Autres lieux
agenda-now-next = En ce moment et ensuite ({ $time })
agenda-now = En ce moment
agenda-next = Ensuite
agenda-places-full = Complet : liste d’attente
agenda-places = Places
