## Import d'un programme (tableur CSV)
progimport-not-utf8 = Le fichier n’est pas un texte UTF-8 : enregistrez-le en « CSV UTF-8 » depuis votre tableur.
progimport-not-csv = Le fichier n’est pas un CSV lisible (séparateur « ; » ou « , »).
progimport-too-large = Le fichier dépasse la taille maximale ({ $max }).
progimport-too-many-rows = Le fichier a plus de { $max } lignes : découpez-le en plusieurs imports.
progimport-missing-column = La colonne « { $column } » manque dans la ligne d’en-tête.
progimport-bad-id = Colonne id : un numéro de session est attendu.
progimport-id-twice = Cette session (même id) figure déjà plus haut dans le fichier.
progimport-bad-date = Date illisible : écrivez AAAA-MM-JJ ou JJ/MM/AAAA.
progimport-bad-time = Heure illisible : écrivez HH:MM.
progimport-clash-room = La salle est déjà occupée à ce moment par « { $title_fr } » ({ $times }).
progimport-clash-speaker = Un intervenant est déjà pris à ce moment par « { $title_fr } » ({ $times }).
progimport-rejected = { $count ->
    [one] Une ligne est refusée : rien n’a été importé.
   *[other] { $count } lignes sont refusées : rien n’a été importé.
}
