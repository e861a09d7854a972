# Le fuseau horaire du formulaire d’événement, la page des messages et la confirmation d’une annulation.

forms-timezone-hint = Tapez pour chercher, par exemple Europe/Paris ou America/Montreal (noms IANA).

forms-messages-title = Messages aux participants
forms-messages-link = Écrire aux participants
forms-languages-help = Écrivez en français, en anglais ou les deux : chaque personne reçoit le message dans la langue de son inscription. Si vous n’écrivez que dans une langue, tout le monde reçoit celle-là.
forms-any-active = Toute personne qui n’a pas annulé
forms-in-french = En français
forms-in-english = En anglais
forms-subject-fr = Objet en français
forms-body-fr = Message en français
forms-subject-en = Objet en anglais
forms-body-en = Message en anglais
forms-review = Passer à l’envoi…
forms-preview = Aperçu
forms-test = M’envoyer un essai
forms-announce-one-language = Écrivez l’objet et le message dans au moins une langue.
forms-preview-title = Aperçu
forms-preview-help = Voici ce que les personnes recevront ; rien n’a été envoyé. Leur nom et leur lien personnel remplacent les exemples.
forms-preview-fr = Tel que le verront les lecteurs en français
forms-preview-en = Tel que le verront les lecteurs en anglais
forms-preview-fr-fallback = Rien n’est écrit en français : les lecteurs en français reçoivent le message en anglais.
forms-preview-en-fallback = Rien n’est écrit en anglais : les lecteurs en anglais reçoivent le message en français.
forms-sample-name = Camille Martin
forms-test-subject = [Essai] { $subject }
forms-test-link-label = La page de l’événement (les participants ont ici leur lien personnel)
forms-test-footer = Ceci est un essai envoyé à vous seul. Les participants reçoivent le même message avec leur nom et leur lien personnel.
forms-test-sent = Un essai est en file d’envoi pour { $email }, dans la langue de cette page.
forms-test-no-email = Vous êtes connecté avec un jeton d’API, qui n’a pas d’adresse e-mail : connectez-vous avec votre compte pour vous envoyer un essai.
forms-sent = { $n ->
    [0] Personne ne correspondait : aucun message n’a été envoyé.
    [one] Le message est en file d’envoi pour 1 personne.
   *[other] Le message est en file d’envoi pour { $n } personnes.
}
forms-confirm-title = Envoyer ce message ?
forms-confirm-reach = { $n ->
    [0] Personne ne correspond à ces filtres : rien ne serait envoyé.
    [one] Ceci enverra un e-mail à 1 personne :
   *[other] Ceci enverra un e-mail à { $n } personnes :
}
forms-confirm-status = { $status } : { $n }
forms-confirm-languages = { $fr } en français, { $en } en anglais.
forms-confirm-send = Confirmer et envoyer
forms-confirm-back = Revenir au message

forms-cancel-title = Annuler l’inscription de { $name } ?
forms-cancel-intro = Si vous confirmez :
forms-cancel-told = { $name } est prévenu·e par e-mail de l’annulation.
forms-cancel-no-place = { $name } n’occupe pas de place (en attente, ou en attente d’approbation) : personne ne monte.
forms-cancel-nobody-waiting = Personne n’est en attente : la place se libère pour la prochaine inscription.
forms-cancel-next = La place libérée va à la personne suivante en attente : { $next }, prévenu·e par e-mail.
forms-cancel-refund = Le billet a été payé : { $amount } est remboursé via Stripe.
forms-cancel-no-refund = Le billet a été payé, mais la date limite de remboursement est passée : rien n’est remboursé.
forms-cancel-confirm = Oui, annuler cette inscription
forms-cancel-back = Non, revenir aux inscriptions
forms-cancelled-promoted = L’inscription de { $name } a été annulée. { $next } a obtenu la place libérée et en a été prévenu·e par e-mail.
forms-cancelled-nobody-waiting = L’inscription de { $name } a été annulée. Personne n’était en attente : la place est libre.
forms-cancelled-no-place = L’inscription de { $name } a été annulée. Elle n’occupait pas de place : personne n’est monté.
