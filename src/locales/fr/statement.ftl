# La déclaration d'accessibilité (/accessibility), dans la forme du modèle RGAA 4.1.
a11y-title = Déclaration d’accessibilité
a11y-organisation-unset = l’organisme qui exploite ce service
a11y-organisation-hint = Le nom de l’organisme n’a pas encore été indiqué par celui qui exploite ce service (réglage accessibility_organisation).
a11y-commitment = { $organisation } s’engage à rendre ses services numériques accessibles, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.
a11y-commitment-unset = L’organisme qui exploite ce service s’engage à rendre ses services numériques accessibles, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.
a11y-scope = Cette déclaration d’accessibilité s’applique au service d’événements Summit publié à l’adresse { $site }.

a11y-state-heading = État de conformité
a11y-state = { $site } est { $state ->
    [full] totalement conforme
    [partial] partiellement conforme
   *[none] non conforme
  } avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.
a11y-state-no-audit = Aucun audit de conformité n’a encore été réalisé : tant qu’il n’y en a pas, le RGAA demande de déclarer le service non conforme.
a11y-state-expired = Le dernier audit, du { $date }, date de plus de trois ans : il ne permet plus de déclarer un état de conformité.

a11y-results-heading = Résultats des tests
a11y-results-none = Aucun audit RGAA n’a encore mesuré le taux de critères respectés.
a11y-results-audit = Un audit de conformité au RGAA 4.1 a été réalisé le { $date } ; il conclut que le service est { $state ->
    [full] totalement conforme
    [partial] partiellement conforme (au moins la moitié des critères respectés)
   *[none] non conforme
  }.
a11y-results-checks = En plus, chaque modification de Summit est vérifiée ainsi :
a11y-check-axe = un vrai navigateur ouvre chaque type de page (pages publiques, inscription avec erreurs, page personnelle, badge, lien pour rejoindre en ligne, contrôle des entrées, espace organisation) dans les deux langues et les fait analyser par axe-core ; toute erreur fait échouer l’intégration continue ;
a11y-check-keyboard = les parcours d’une personne qui s’inscrit, d’un agent d’accueil et d’un·e organisateur·rice sont joués au clavier : lien d’évitement en premier, focus toujours visible ;
a11y-check-layout = les pages restent lisibles à 320 pixels de large et avec un zoom de 400 %, sans défilement horizontal ; les contrastes atteignent au moins 4,5:1 ; les animations sont coupées si vous le demandez à votre système ;
a11y-check-nojs = tout fonctionne sans JavaScript, y compris le contrôle des badges à l’entrée ; un verdict n’est jamais donné par la seule couleur.

a11y-content-heading = Contenus non accessibles
a11y-nonconform-heading = Non-conformités
a11y-nonconform-audit = Faute d’audit complet, d’autres défauts peuvent exister : les tests automatiques ne trouvent pas tous les problèmes. Signalez-nous tout obstacle (voir plus bas).
a11y-nonconform-qr = Le code QR du badge est une image. Alternative : la page du badge donne aussi le nom, l’événement et le billet en texte, et l’accueil peut retrouver un badge par le nom.
a11y-nonconform-camera = La lecture des badges à la caméra demande de viser le code. Alternative : saisir le code du badge au clavier, ou chercher la personne par son nom.
a11y-nonconform-organisers = Les textes, images et documents d’un événement sont rédigés par ses organisateurs, qui en vérifient l’accessibilité ; sur demande, ils donnent l’information sous une autre forme.
a11y-derogation-heading = Dérogations pour charge disproportionnée
a11y-derogation-none = Aucune dérogation n’est invoquée.
a11y-exempt-heading = Contenus non soumis à l’obligation d’accessibilité
a11y-exempt-live = Les diffusions en direct des sessions en ligne (contenus multimédias en direct).
a11y-exempt-third-party = Les lecteurs vidéo et salles de visioconférence de services tiers vers lesquels mènent les liens pour rejoindre en ligne, qui ne sont ni développés ni contrôlés par l’organisme.

a11y-established-heading = Établissement de cette déclaration
a11y-established-on = Cette déclaration a été établie le { $date }, à la suite de l’audit.
a11y-established-unaudited = Cette déclaration n’a pas encore été établie à la suite d’un audit : elle décrit les vérifications faites à chaque version de Summit.
a11y-technologies-heading = Technologies utilisées pour la réalisation du service
a11y-technologies = HTML, CSS ; JavaScript seulement en complément (le service fonctionne sans).
a11y-environment-heading = Environnement de test
a11y-environment-browser = Chromium (sans interface), à 320, 375 et 1280 pixels de large, en français et en anglais ;
a11y-environment-keyboard = navigation au clavier seul, et pages sans JavaScript.
a11y-tools-heading = Outils pour évaluer l’accessibilité
a11y-tools = axe-core (règles WCAG 2.1 A et AA) piloté par Playwright ; vérifications manuelles au clavier et du zoom.
a11y-pages-heading = Pages du service ayant fait l’objet de la vérification
a11y-pages = L’accueil, la page d’un événement et son programme, une session, les intervenants, l’inscription (y compris avec erreurs), la page personnelle, le badge, la page pour rejoindre en ligne, le contrôle des entrées, la connexion et l’espace organisation, et cette déclaration.

a11y-contact-heading = Retour d’information et contact
a11y-contact = Si vous n’arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter { $organisation } pour être orienté·e vers une alternative accessible ou obtenir le contenu sous une autre forme.
a11y-contact-at = Pour signaler un obstacle :
a11y-contact-unset = Aucun contact n’a encore été indiqué pour ce service : écrivez à l’organisateur de l’événement, nommé sur la page de l’événement.
a11y-contact-answer = Décrivez la page et ce qui vous bloque ; une réponse vous est due dans un délai raisonnable.

a11y-recourse-heading = Voies de recours
a11y-recourse-when = Cette procédure est à utiliser dans le cas suivant : vous avez signalé au responsable du service un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un des services, et vous n’avez pas obtenu de réponse satisfaisante.
a11y-recourse-how = Vous pouvez alors saisir le Défenseur des droits :
a11y-recourse-form = Écrire un message au Défenseur des droits (formulaire en ligne)
a11y-recourse-delegate = Contacter le délégué du Défenseur des droits dans votre région
a11y-recourse-post = Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) :

# La page pour rejoindre en ligne avant son ouverture : l'heure dans le fuseau de l'événement, un compte à rebours.
join-opens-event-zone = Ouverture, dans le fuseau horaire de l’événement ({ $zone })
join-opens-at = { $date } à { $clock } ({ $abbreviation })
join-opens-your-zone = Dans votre fuseau horaire ({ $zone })
join-countdown = Ouverture dans { $left }
join-countdown-day = j
join-countdown-announce = { $count ->
    [one] Ouverture dans { $n } minute.
   *[other] Ouverture dans { $n } minutes.
  }
join-countdown-opening = La salle est ouverte : vous êtes conduit·e au direct.
join-check-again = Vérifier à nouveau
join-check-again-hint = Cette page ne se recharge pas d’elle-même : à l’heure d’ouverture, suivez « Vérifier à nouveau » pour rejoindre le direct.
join-check-again-by-itself = Cette page vous conduit au direct d’elle-même à l’ouverture de la salle ; « Vérifier à nouveau » fonctionne aussi.
