# Rejoindre en ligne depuis la page de l'inscrit.
attendee-join-heading = Rejoindre en ligne
attendee-join-event-stream = La diffusion de l'événement
attendee-join-now = Rejoindre
attendee-join-opens = Le lien s'ouvre le { $when }.
attendee-join-ended = Terminé.
