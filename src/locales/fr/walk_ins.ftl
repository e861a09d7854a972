# Inscriptions sur place : les personnes inscrites à l’entrée.
dashboard-walk-ins = Inscrits sur place
dashboard-walk-ins-in = Entrés
dashboard-walk-ins-waiting = En liste d’attente
walk-in-heading = Inscrire une personne sur place
walk-in-hint = Pour une personne qui ne s’est pas inscrite : elle est inscrite sur place et entre aussitôt par cette entrée, s’il reste une place.
walk-in-name = Nom
walk-in-email = Adresse e-mail (facultative)
walk-in-email-hint = Avec elle, la personne reçoit son lien personnel, comme après une inscription en ligne.
walk-in-organisation = Organisation (facultative)
walk-in-submit = Inscrire et faire entrer
walk-in-done = La personne est inscrite et peut entrer. Son badge :
walk-in-qr = QR code du badge de { $name }
walk-in-print = Imprimer le badge
walk-in-waiting = L’événement est complet : { $name } est en liste d’attente (position { $position }). Ne laissez pas encore entrer cette personne.
walk-in-no-place = L’inscription de { $name } existe déjà mais n’a pas encore de place (validation ou paiement en attente) : les organisateurs s’en chargent.
checkins-walk-ins = { $all ->
    [one] 1 inscription sur place ({ $n } entrée)
   *[other] { $all } inscriptions sur place ({ $n } entrées)
}
badge-pdf-title = Badges
badge-pdf-size-invalid = Choisissez un format de badge : a6, a7, 4x3 ou 62x100.
badge-pdf-link = Badges pour imprimante à badges (PDF)
badge-pdf-size = Format du badge
badge-pdf-size-a6 = Carte A6 (105 × 148 mm)
badge-pdf-size-a7 = Carte A7 (74 × 105 mm)
badge-pdf-size-4x3 = Carte badge 4 × 3 po (102 × 76 mm)
badge-pdf-size-62x100 = Étiquette 62 × 100 mm
badge-pdf-download = Télécharger le PDF
walk-in-badge-pdf = Badge en PDF pour l’imprimante à badges
