# Aperçu d’un brouillon, liste avant publication, dupliquer un événement, retirer et rétablir une session

## Le bandeau de brouillon des pages publiques
preview-banner-title = Brouillon — non public.
preview-banner-text = Seuls les organisateurs de l’événement voient cet aperçu ; les autres visiteurs obtiennent « page introuvable » jusqu’à sa publication. Les inscriptions sont refusées d’ici là.
preview-register-refused = Cet événement est encore un brouillon : personne ne peut s’inscrire avant sa publication.

## La liste avant publication
preview-checklist-title = Avant de publier
preview-checklist-all-ok = Tout ce qui est vérifié est prêt.
preview-checklist-warnings = { $count ->
    [one] Un point à regarder avant de publier.
   *[other] { $count } points à regarder avant de publier.
}
preview-check-ok-label = Prêt :
preview-check-warning-label = À vérifier :
preview-check-fix = Corriger
preview-see-public-pages = Voir les pages publiques (aperçu)
preview-duplicate-link = Dupliquer cet événement
preview-check-dates-ok = Les dates sont fixées et cohérentes.
preview-check-dates-order = L’événement se termine avant de commencer.
preview-check-dates-past = L’événement est passé : ses dates sont dépassées.
preview-check-dates-window = La période d’inscription ne va pas : elle doit ouvrir avant de fermer, et fermer au plus tard à la fin de l’événement.
preview-check-dates-refund = Les remboursements sont permis jusqu’après la fin de l’événement.
preview-check-register-ok = On peut s’inscrire (une jauge ou un type de billet est défini).
preview-check-register-missing = Personne ne peut encore s’inscrire : fixez une jauge pour au moins un mode de participation, ou ajoutez un type de billet.
preview-check-privacy-ok = Votre politique de confidentialité est rédigée en français et en anglais.
preview-check-privacy-missing-fr = Pas de politique de confidentialité propre en français : la politique standard de Summit sera affichée.
preview-check-privacy-missing-en = Pas de politique de confidentialité propre en anglais : la politique standard de Summit sera affichée.
preview-check-programme-ok = Le programme a des sessions.
preview-check-programme-empty = Le programme n’a encore aucune session.
preview-check-rooms-ok = Chaque session en présentiel a une salle.
preview-check-rooms-missing = { $count ->
    [one] Une session en présentiel n’a pas de salle : « { $first } ».
   *[other] { $count } sessions en présentiel n’ont pas de salle, la première : « { $first } ».
}
preview-check-speakers-ok = Chaque intervention, table ronde et atelier a un intervenant.
preview-check-speakers-missing = { $count ->
    [one] Une session n’a pas d’intervenant : « { $first } ».
   *[other] { $count } sessions n’ont pas d’intervenant, la première : « { $first } ».
}
preview-check-stream-in-person = En présentiel seulement : pas besoin de lien de diffusion.
preview-check-stream-ok = Les participants en ligne ont un lien de diffusion.
preview-check-stream-missing = Les participants en ligne n’ont pas de lien de diffusion : indiquez celui de l’événement, ou un pour chaque session en ligne.

## Dupliquer un événement
preview-duplicate-title = Dupliquer cet événement
preview-duplicate-intro = La copie est un nouveau brouillon : vérifiez-la et publiez-la quand elle est prête.
preview-duplicate-copied = Copiés : les informations, salles, parcours, intervenants (avec leurs photos), types de billets et sessions prévues avec leurs intervenants, le tout décalé du nombre de jours ci-dessous.
preview-duplicate-not-copied = Non copiés : inscriptions, entrées, paiements, liens et jetons, sessions annulées, et liens de diffusion (à indiquer à nouveau).
preview-duplicate-slug = Adresse du nouvel événement (identifiant)
preview-duplicate-slug-hint = Lettres minuscules, chiffres et tirets : la page sera /events/cet-identifiant.
preview-duplicate-days = Décaler les dates de (jours)
preview-duplicate-days-hint = 364 jours gardent le même jour de la semaine l’an prochain. Avec ce nombre, le { $from } devient le { $to }.
preview-duplicate-submit = Créer la copie
preview-duplicate-slug-taken = Cette adresse est déjà prise par un autre événement.
preview-field-shift-days = Un nombre entier de jours, au plus { $max } dans un sens ou dans l’autre.

## Formulaire de session
preview-add-speaker-row = Ajouter un intervenant
preview-session-day-hint = Le { $day }, à l’heure de l’événement.
preview-session-days-hint = Entre le { $from } et le { $to }, à l’heure de l’événement.
preview-session-is-cancelled = Cette session est annulée : elle apparaît comme annulée dans le programme.

## Retirer et rétablir une session
preview-remove-title = Retirer cette session ?
preview-remove-deletes = Personne ne s’est inscrit : la session sera supprimée du programme.
preview-remove-cancels = { $signups ->
    [one] Une personne s’est inscrite, la session sera donc gardée comme annulée.
   *[other] { $signups } personnes se sont inscrites, la session sera donc gardée comme annulée.
} { $count ->
    [0] Personne n’a de place, personne ne reçoit donc de courriel.
    [one] La personne qui a une place est prévenue par courriel, et la session quitte son agenda.
   *[other] Les { $count } personnes qui ont une place sont prévenues par courriel, et la session quitte leur agenda.
}
preview-remove-restorable = Leurs inscriptions sont gardées : jusqu’au début de l’événement, vous pouvez rétablir la session et elles retrouvent leur place.
preview-remove-confirm-delete = Supprimer la session
preview-remove-confirm-cancel = Annuler la session
preview-restore-title = Rétablir cette session ?
preview-restore-what = { $count ->
    [0] La session reviendra au programme. Personne n’avait de place, personne ne reçoit donc de courriel.
    [one] La session reviendra au programme. La personne qui avait une place la retrouve et en est prévenue par courriel, la session revenant dans son agenda.
   *[other] La session reviendra au programme. Les { $count } personnes qui avaient une place la retrouvent et en sont prévenues par courriel, la session revenant dans leur agenda.
}
preview-restore-signups = L’annulation a gardé toutes les inscriptions, listes d’attente comprises : personne n’a à se réinscrire.
preview-restore-confirm = Rétablir la session
preview-restore-session = Rétablir cette session
preview-restore-too-late = L’événement a commencé : cette session ne peut plus être rétablie.
preview-restore-started = L’événement a commencé : une session annulée ne peut plus être rétablie.
preview-back-to-session = Retour à la session
