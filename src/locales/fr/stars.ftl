# Le programme personnel de la personne inscrite (ticket 18) : sessions ajoutées, chevauchements, rappel.
stars-title = Mon programme
stars-intro = Ajoutez les sessions auxquelles vous voulez assister : elles apparaissent ici jour par jour avec les ateliers où vous êtes inscrit·e, et dans votre agenda personnel. Les sessions dont les horaires se chevauchent sont signalées ; c’est permis.
stars-mine-heading = Mes sessions jour par jour
stars-count = { $n ->
    [one] Une session dans votre programme.
   *[other] { $n } sessions dans votre programme.
}
stars-clash-count = { $n ->
    [one] L’une d’elles en chevauche une autre.
   *[other] { $n } d’entre elles en chevauchent une autre.
}
stars-empty = Votre programme est vide pour l’instant. Ajoutez des sessions depuis la liste de toutes les sessions ci-dessous.
stars-starred = Dans mon programme
stars-add = Ajouter à mon programme
stars-remove = Retirer de mon programme
stars-clash = Chevauchement
stars-clashes-with = en même temps que « { $session } » ({ $starts }–{ $ends }).
stars-back = Retour à mon inscription
stars-all-heading = Toutes les sessions
stars-days = Jours de l’événement
stars-reminder-heading = Rappels
stars-reminder-label = M’envoyer un e-mail { $minutes } minutes avant chaque session ajoutée à mon programme
stars-reminder-save = Enregistrer mon choix de rappel
stars-done-starred = Ajoutée à votre programme.
stars-done-unstarred = Retirée de votre programme.
stars-done-reminder = Votre choix de rappel est enregistré.
stars-field-session = Session
stars-unknown-session = Cette session ne fait pas partie du programme de cet événement.
stars-session-cancelled = Cette session est annulée : elle ne peut pas être ajoutée à votre programme.
stars-registration-over = Cette inscription est annulée : son programme ne peut plus changer.
stars-reminder-intro = « { $session } », de votre programme, commence à { $time } ({ $room }).
stars-no-room = salle à préciser
stars-link-heading = Mon programme
stars-link-text = Choisissez les conférences et sessions auxquelles vous voulez assister, repérez les chevauchements et retrouvez-les dans votre agenda.
stars-link = Ouvrir mon programme
stars-dashboard = Ajouts au programme par session (intérêt des personnes inscrites avant le jour J)
stars-removal-kept = { $n ->
    [one] Une personne l’a dans son programme : la session sera conservée comme annulée, et son agenda l’affichera annulée.
   *[other] { $n } personnes l’ont dans leur programme : la session sera conservée comme annulée, et leurs agendas l’afficheront annulée.
}
