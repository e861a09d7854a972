# Corrections de l’espace de travail : portes du scanner, planche de badges, résumés d'erreurs.
fixes-door-no-room = sans salle
fixes-badge-count = { $n ->
    [one] { $n } badge à imprimer.
   *[other] { $n } badges à imprimer.
}
fixes-badge-include-online = Inclure les participants en ligne (ils ne passent pas aux portes)
fixes-badge-apply = Afficher ces badges
fixes-badge-print = Imprimer les badges
# Une ligne du résumé d'erreurs : l’intitulé du champ, puis ce qui ne va pas.
fixes-summary-item = { $field } : { $message }
fixes-field-consent = Consentement
fixes-field-cancel-confirm = Confirmation de l’annulation
