## Import du programme dans le navigateur (tableur ou programme frab), son rapport, son application
progimport_page-link = Importer un programme (tableur ou programme frab)
progimport_page-title = Importer un programme
progimport_page-intro = Envoyez un tableau du programme (CSV) ou un programme frab (XML ou JSON, tel que Summit, frab et pretalx le publient). Rien ne change encore : vous voyez d’abord ce que l’import ferait, puis vous l’appliquez.
progimport_page-file = Fichier du programme
progimport_page-limits = CSV, XML ou JSON, { $mib } Mio et { $rows } sessions au plus.
progimport_page-check = Vérifier le fichier
progimport_page-dry-run-first = Le fichier est gardé sur le serveur jusqu’à ce que vous l’appliquiez : inutile de l’envoyer à nouveau.
progimport_page-no-file = Choisissez le fichier du programme à importer.
progimport_page-template = Partir du programme actuel
progimport_page-template-help = Téléchargez le programme de l’événement en tableau, modifiez-le dans votre tableur et renvoyez-le : les lignes avec un id mettent à jour ces sessions, les lignes sans id ajoutent des sessions.
progimport_page-sheet-fr = Programme actuel, colonnes en français (CSV)
progimport_page-sheet-en = Programme actuel, colonnes en anglais (CSV)
progimport_page-columns = Les colonnes du tableau
progimport_page-columns-help = Les noms de colonnes peuvent être en français ou en anglais, avec ou sans accents. Le séparateur peut être « ; » ou « , ». Obligatoires : un titre, la date, le début, le type, et la fin ou la durée. Les colonnes inconnues sont ignorées et signalées dans le rapport.
progimport_page-col-fr = Nom en français
progimport_page-col-en = Nom en anglais
progimport_page-col-meaning = Ce qu’elle contient
progimport_page-col-id = Le numéro de la session dans cet événement (du tableau exporté) : la ligne la met à jour. Vide : une nouvelle session.
progimport_page-col-date = Le jour : AAAA-MM-JJ ou JJ/MM/AAAA.
progimport_page-col-start = L’heure de début, HH:MM, dans le fuseau de l’événement.
progimport_page-col-end = L’heure de fin, HH:MM.
progimport_page-col-duration = À la place de la fin : la durée en minutes (90) ou en heures et minutes (1:30).
progimport_page-col-title = Le titre en français et en anglais (l’un des deux suffit).
progimport_page-col-kind = plenary, keynote, workshop, round_table, panel, testimony, break ou other.
progimport_page-col-room = Le nom de la salle ; une salle que l’événement n’a pas encore est créée.
progimport_page-col-track = Le nom du parcours ; un nouveau parcours est créé.
progimport_page-col-speakers = Les personnes séparées par « ; », chacune avec un rôle facultatif entre parenthèses : Ana Lima (moderator); Jon Doe. Rôles : speaker, moderator, host, panelist. Les nouvelles personnes sont ajoutées aux intervenants.
progimport_page-col-description = La description dans chaque langue.
progimport_page-col-format = in_person, virtual ou hybrid.
progimport_page-col-capacity = Le nombre de places de la session (vide : sans limite).
progimport_page-col-signup = oui ou non : si l’on s’y inscrit.
progimport_page-col-status = scheduled ou cancelled.
progimport_page-frab = Programmes frab
progimport_page-frab-help = Un fichier schedule.xml ou schedule.json (frab, pretalx ou un autre événement Summit) est reconnu à son contenu. Chaque session est retrouvée par son guid : importer à nouveau le même programme met les sessions à jour au lieu de les ajouter deux fois. Les heures sont lues dans le fuseau de l’événement ; titre et description vont dans la langue du programme.
progimport_page-back = Retour au programme
progimport_page-report-title = Rapport d’import du programme
progimport_page-dry-run = Essai à blanc : { $add ->
    [0] aucune session
    [one] une session
   *[other] { $add } sessions
} à ajouter, { $update } à mettre à jour, { $unchanged } inchangées, { $rejected ->
    [0] aucune ligne refusée
    [one] une ligne refusée
   *[other] { $rejected } lignes refusées
}. Rien n’a encore été modifié.
progimport_page-rejected = Lignes refusées
progimport_page-fix-and-upload = Corrigez ces lignes dans votre fichier et envoyez-le à nouveau.
progimport_page-column = Colonne
progimport_page-reason = Motif
progimport_page-apply = Appliquer l’import
progimport_page-nothing = Le fichier ne change rien au programme.
progimport_page-unknown-columns = Colonnes ignorées (inconnues) :
progimport_page-new-rooms = Salles à créer
progimport_page-new-tracks = Parcours à créer
progimport_page-new-speakers = Intervenants à créer
progimport_page-to-add = Sessions à ajouter
progimport_page-to-update = Sessions à mettre à jour
progimport_page-changes = Ce qui change
progimport_page-running = L’import est en cours d’application.
progimport_page-refresh = Actualisez pour voir s’il est terminé
progimport_page-applied = Import appliqué : { $added ->
    [0] aucune session ajoutée
    [one] une session ajoutée
   *[other] { $added } sessions ajoutées
}, { $updated } mises à jour.
progimport_page-see-timetable = Voir la grille horaire
progimport_page-refused = Rien n’a été importé :
progimport_page-refused-rows = Rien n’a été importé : le programme a changé depuis l’essai à blanc et certaines lignes ne conviennent plus. Elles sont listées ci-dessous.
progimport_page-upload-another = Importer un autre fichier
progimport_page-not-xml = Le fichier n’est pas un XML lisible (ligne { $line }).
progimport_page-not-json = Le fichier n’est pas un JSON lisible (ligne { $line }).
progimport_page-not-frab = Le fichier n’est pas un programme frab : aucun programme avec jours, salles et sessions n’y a été trouvé.
progimport_page-unknown-format = Le fichier n’est pas un programme : un tableau CSV avec une ligne d’en-tête (titre, date, début, fin…) ou un programme frab en XML ou JSON est attendu.
progimport_page-bad-duration = Durée illisible : écrivez des minutes (90) ou des heures et minutes (1:30), moins d’un jour.
